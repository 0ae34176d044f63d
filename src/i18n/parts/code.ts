/** Strings of the code element(s): English and 简体中文, same keys. Keys start with "code.". */
export const en = {} as const;

export const zhCN: Record<keyof typeof en, string> = {};
