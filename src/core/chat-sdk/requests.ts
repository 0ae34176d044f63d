/** The OpenAPI requests a Chat SDK window makes, as draft requests for the shared transport. */
import type { DraftRequest } from '../transport/types.js';
import type { ChatTarget } from './options.js';

/** A user message as `/v3/chat` takes it: plain text, or text with files as `object_string`. */
export interface OutgoingMessage {
  content: string;
  content_type: 'text' | 'object_string';
}

/** Text plus uploaded files, as Coze's object_string content: `[{type:'text',text},{type:'image',file_id}…]`. */
export function userMessage(text: string, files: Array<{ fileId: string; type: string }>): OutgoingMessage {
  if (!files.length) return { content: text, content_type: 'text' };
  const items: Array<Record<string, string>> = [];
  if (text.trim()) items.push({ type: 'text', text });
  for (const f of files) items.push({ type: f.type.startsWith('image/') ? 'image' : 'file', file_id: f.fileId });
  return { content: JSON.stringify(items), content_type: 'object_string' };
}

const json = (value: unknown) => ({ kind: 'json' as const, value });

export function createConversation(target: ChatTarget): DraftRequest {
  return { method: 'POST', path: '/v1/conversation/create', body: json(target.type === 'bot' ? { bot_id: target.botId } : {}) };
}

/** One chat turn, streamed: `/v3/chat` for a bot, `/v1/workflows/chat` for an app's chatflow. */
export function streamChat(target: ChatTarget, conversationId: string, userId: string, message: OutgoingMessage): DraftRequest {
  const additional = [{ role: 'user', ...message }];
  if (target.type === 'app') {
    return {
      method: 'POST',
      path: '/v1/workflows/chat',
      body: json({ workflow_id: target.workflowId, app_id: target.appId, conversation_id: conversationId, additional_messages: additional, parameters: target.parameters ?? {} }),
    };
  }
  return {
    method: 'POST',
    path: '/v3/chat',
    query: { conversation_id: conversationId },
    body: json({ bot_id: target.botId, user_id: userId || 'visitor', stream: true, auto_save_history: true, additional_messages: additional, ...(target.parameters ? { parameters: target.parameters } : {}) }),
  };
}

export function cancelChat(conversationId: string, chatId: string): DraftRequest {
  return { method: 'POST', path: '/v3/chat/cancel', body: json({ conversation_id: conversationId, chat_id: chatId }) };
}

export function submitToolOutputs(conversationId: string, chatId: string, outputs: Array<{ tool_call_id: string; output: string }>): DraftRequest {
  return { method: 'POST', path: '/v3/chat/submit_tool_outputs', query: { conversation_id: conversationId, chat_id: chatId }, body: json({ stream: true, tool_outputs: outputs }) };
}

export function clearContext(conversationId: string): DraftRequest {
  return { method: 'POST', path: '/v1/conversations/{conversation_id}/clear', pathParams: { conversation_id: conversationId } };
}

export function messageFeedback(conversationId: string, messageId: string, type: 'like' | 'unlike' | undefined): DraftRequest {
  const path = '/v1/conversations/{conversation_id}/messages/{message_id}/feedback';
  const pathParams = { conversation_id: conversationId, message_id: messageId };
  return type ? { method: 'POST', path, pathParams, body: json({ feedback_type: type }) } : { method: 'DELETE', path, pathParams };
}

export function uploadFile(file: Blob, name: string): DraftRequest {
  return { method: 'POST', path: '/v1/files/upload', body: { kind: 'multipart', fields: [{ name: 'file', value: file, filename: name }] } };
}

export function transcribe(audio: Blob, name: string): DraftRequest {
  return { method: 'POST', path: '/v1/audio/transcriptions', body: { kind: 'multipart', fields: [{ name: 'file', value: audio, filename: name }] } };
}
