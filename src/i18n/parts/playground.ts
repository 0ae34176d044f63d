/** Strings of the full playground page: English and 简体中文, same keys. Keys start with "playground.". */
export const en = {
  'playground.showApis': 'API list',
  'playground.showApisHint': 'Show the API list (it also opens when the pointer reaches the left edge)',
  'playground.pin': 'Pin the API list',
  'playground.unpin': 'Unpin the API list',
  'playground.apis': 'APIs',
  'playground.request': 'Request',
  'playground.codeAndResponse': 'Sample code and response',
  'playground.pinReset': 'The saved layout could not be read and was reset.',
  'playground.pinNotSaved': 'The pin could not be remembered (browser storage is full or disabled): it lasts until this page closes.',
  'playground.responseEmpty': 'No response yet. Fill in the parameters, then press Run or Ctrl + Enter.',
} as const;

export const zhCN: Record<keyof typeof en, string> = {
  'playground.showApis': 'API 列表',
  'playground.showApisHint': '显示 API 列表（鼠标移到左侧边缘时也会自动展开）',
  'playground.pin': '固定 API 列表',
  'playground.unpin': '取消固定 API 列表',
  'playground.apis': 'API',
  'playground.request': '请求',
  'playground.codeAndResponse': '示例代码与响应',
  'playground.pinReset': '保存的布局无法读取，已重置。',
  'playground.pinNotSaved': '无法记住固定状态（浏览器存储已满或被禁用）：它只保留到关闭页面为止。',
  'playground.responseEmpty': '还没有响应。填写参数后，点击“运行”或按 Ctrl + Enter。',
};
