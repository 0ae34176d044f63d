/** Strings of the playground element(s): English and 简体中文, same keys. Keys start with "playground.". */
export const en = {} as const;

export const zhCN: Record<keyof typeof en, string> = {};
