/** Strings of the tree element(s): English and 简体中文, same keys. Keys start with "tree.". */
export const en = {} as const;

export const zhCN: Record<keyof typeof en, string> = {};
