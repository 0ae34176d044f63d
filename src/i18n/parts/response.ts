/** Strings of the response element(s): English and 简体中文, same keys. Keys start with "response.". */
export const en = {} as const;

export const zhCN: Record<keyof typeof en, string> = {};
