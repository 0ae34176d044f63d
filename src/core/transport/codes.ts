/**
 * What Coze's business error codes mean, in both languages, with what to do about them. Facts from
 * the Coze error-code reference; the wording is ours.
 */
import type { LocalizedText } from '../catalog/schema.js';

export interface CodeMeaning {
  meaning: LocalizedText;
  /** What the caller can do. */
  action?: LocalizedText;
}

const t = (zh: string, en: string): LocalizedText => ({ zh, en });

export const COZE_ERROR_CODES: Readonly<Record<number, CodeMeaning>> = {
  4000: { meaning: t('请求参数有误：格式不对或缺少必填参数。', 'The request parameters are wrong: a bad format or a missing required parameter.'), action: t('对照参数说明检查 msg 中提到的参数。', 'Check the parameter named in msg against the parameter docs.') },
  4001: { meaning: t('找不到这轮对话，或无权访问（chat_id 有误）。', 'The chat does not exist or you cannot access it (wrong chat_id).'), action: t('确认 chat_id 与 conversation_id 属于同一会话。', 'Make sure chat_id belongs to the given conversation_id.') },
  4002: { meaning: t('找不到该会话，或无权访问。', 'The conversation does not exist or you cannot access it.'), action: t('检查 conversation_id，并确认它由同一账号创建。', 'Check conversation_id and that the same account created it.') },
  4003: { meaning: t('meta_data 超出限制（键值对数量或长度）。', 'meta_data exceeds its limits (number or length of pairs).') },
  4004: { meaning: t('additional_messages 超出限制。', 'additional_messages exceeds its limits.') },
  4005: { meaning: t('消息不存在，或内容无效。', 'The message does not exist, or its content is invalid.') },
  4006: { meaning: t('找不到该智能体，或无权访问。', 'The bot does not exist or you cannot access it.'), action: t('检查 bot_id，并确认令牌所属空间包含该智能体。', 'Check bot_id and that the token’s workspace contains the bot.') },
  4007: { meaning: t('stream=false 时必须设置 auto_save_history=true。', 'With stream=false, auto_save_history must be true.'), action: t('打开 auto_save_history，或改用流式。', 'Turn auto_save_history on, or stream the chat.') },
  4008: { meaning: t('该用户今日使用此智能体的次数已达上限。', 'This user has reached today’s usage limit for the bot.') },
  4009: { meaning: t('系统繁忙。', 'The service is busy.'), action: t('稍后重试。', 'Retry a little later.') },
  4010: { meaning: t('输入内容超出模型的上下文长度。', 'The prompt exceeds the model’s context length.'), action: t('缩短输入或上下文。', 'Shorten the input or the context.') },
  4011: { meaning: t('扣子账号余额不足。', 'The Coze account balance is insufficient.'), action: t('充值或升级套餐后重试。', 'Top up or upgrade the plan, then retry.') },
  4012: { meaning: t('模型不可用（例如已下线）。', 'The model is unavailable (for example, retired).'), action: t('在智能体配置中换一个模型。', 'Choose another model in the bot’s settings.') },
  4013: { meaning: t('模型服务出错。', 'The model service failed.'), action: t('稍后重试。', 'Retry later.') },
  4014: { meaning: t('问题无法回答，或内容未通过安全审核。', 'The question cannot be answered, or the content failed a safety review.') },
  4015: { meaning: t('智能体没有发布到 API 渠道。', 'The bot is not published to the API channel.'), action: t('在扣子中把智能体发布为 API 服务后再调用。', 'Publish the bot to the API channel in Coze, then call again.') },
  4016: { meaning: t('该会话里已有一轮对话在进行中。', 'The conversation already has a chat in progress.'), action: t('等它结束或取消它，再发起新对话。', 'Wait for it to finish, or cancel it, before starting another.') },
  4019: { meaning: t('火山引擎按量付费余额不足（欠费）。', 'The Volcano Engine pay-as-you-go balance is insufficient (in arrears).') },
  4020: { meaning: t('每分钟请求数超出已购额度。', 'Requests per minute exceed the purchased quota.'), action: t('降低调用频率或提升额度。', 'Call less often, or raise the quota.') },
  4021: { meaning: t('未配置工作流。', 'No workflow is configured.') },
  4022: { meaning: t('模型服务（方舟）欠费。', 'The model service (Ark) is in arrears.') },
  4100: { meaning: t('鉴权失败：令牌错误、已过期或已删除。', 'Authentication failed: the token is wrong, expired or deleted.'), action: t('检查访问令牌和所选区域（cn / com）是否匹配，必要时重新生成令牌。', 'Check the access token and that the region (cn / com) matches it; create a new token if needed.') },
  4101: { meaning: t('令牌没有访问该资源的权限。', 'The token has no permission for this resource.'), action: t('为令牌开通该接口的权限，并确认它能访问对应的工作空间。', 'Grant the token this API’s permission and access to the workspace.') },
  4102: { meaning: t('请求被风控拦截，或内容未通过安全审核。', 'The request was blocked by risk control, or the content failed a safety review.') },
  4104: { meaning: t('对话已结束或在等待工具结果，无法取消。', 'The chat has ended or is waiting for tool output, so it cannot be canceled.') },
  4105: { meaning: t('智能体内容包含敏感信息，无法发布。', 'The bot contains sensitive content and cannot be published.') },
  4200: { meaning: t('资源不存在（ID 有误、不属于你，或工作流从未发布）。', 'The resource does not exist (wrong id, not yours, or a workflow that was never published).'), action: t('检查 ID 与所选区域。', 'Check the id and the region.') },
  4201: { meaning: t('成员已在企业、团队或组织中。', 'The member already belongs to the enterprise, team or organization.') },
  4300: { meaning: t('上传的文件为空（常见原因：缺少 multipart 的 Content-Type）。', 'The uploaded file is empty (often a missing multipart Content-Type).') },
  4301: { meaning: t('一次只能上传一个文件。', 'Only one file can be uploaded at a time.') },
  4302: { meaning: t('文件过大。', 'The file is too large.') },
  4303: { meaning: t('不支持该文件类型。', 'This file type is not supported.') },
  4304: { meaning: t('文件无效。', 'The file is invalid.') },
  4314: { meaning: t('找不到该工作流执行记录。', 'The workflow execution record does not exist.') },
  4315: { meaning: t('工作流已执行结束，无法恢复。', 'The workflow execution has finished and cannot be resumed.') },
  5000: { meaning: t('服务内部错误。', 'Internal server error.'), action: t('重试；若持续出现，带上 logid 联系扣子支持。', 'Retry; if it persists, contact Coze support with the logid.') },
  6003: { meaning: t('异步执行工作流仅付费套餐可用。', 'Running workflows asynchronously needs a paid plan.') },
  700012006: { meaning: t('访问令牌无效。', 'The access token is invalid.'), action: t('检查令牌是否完整、未过期，且与所选区域匹配。', 'Check the token is complete, unexpired and matches the region.') },
  702042018: { meaning: t('工作空间成员数已达上限。', 'The workspace has reached its member limit.') },
  702042162: { meaning: t('被邀请的用户不在企业或团队中。', 'The invited user is not in the enterprise or team.') },
  777074044: { meaning: t('不能移除组织中最后一位超级管理员。', 'The last super admin of an organization cannot be removed.') },
};

/** The meaning of a Coze code, or a generic text naming it. */
export function explainCozeCode(code: number): CodeMeaning {
  return COZE_ERROR_CODES[code] ?? { meaning: t(`扣子返回了错误码 ${code}。`, `Coze answered with error code ${code}.`), action: t('查阅错误码文档，并带上 logid 排查。', 'Look the code up in the error-code reference and keep the logid for support.') };
}
