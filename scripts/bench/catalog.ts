/**
 * The benchmark's large catalogue: the built-in Coze catalogue plus synthetic endpoints up to 5,000
 * entries, each with the kinds of parameters real ones have (path ids, paging query, a JSON body with
 * an enum, a nested object and an array of objects) and documented response fields with an example.
 * Deterministic, so every run and every tool measures the same document.
 */
import { catalogIndex, catalogSections } from '../../src/catalog/builtin-data.js';
import { assembleCatalog } from '../../src/core/catalog/assemble.js';
import { parseCatalog } from '../../src/core/catalog/load.js';
import type { Catalog, CatalogEntry, CatalogGroup, EndpointEntry, Field, Param } from '../../src/core/catalog/schema.js';

const NOUNS: Array<[string, string, string]> = [
  ['order', '订单', 'order'],
  ['invoice', '发票', 'invoice'],
  ['ticket', '工单', 'ticket'],
  ['device', '设备', 'device'],
  ['member', '成员', 'member'],
  ['report', '报表', 'report'],
  ['project', '项目', 'project'],
  ['asset', '素材', 'asset'],
];

const VERBS: Array<{ id: string; zh: string; en: string; method: EndpointEntry['method'] }> = [
  { id: 'list', zh: '查看', en: 'List', method: 'GET' },
  { id: 'create', zh: '创建', en: 'Create', method: 'POST' },
  { id: 'retrieve', zh: '查询', en: 'Get', method: 'GET' },
  { id: 'update', zh: '更新', en: 'Update', method: 'PUT' },
  { id: 'patch', zh: '修改', en: 'Patch', method: 'PATCH' },
  { id: 'delete', zh: '删除', en: 'Delete', method: 'DELETE' },
];

const text = (zh: string, en: string) => ({ zh, en });

function bodyFields(noun: string): Field[] {
  return [
    { name: 'name', type: 'string', required: true, maxLength: 100, description: text(`${noun}名称`, `Name of the ${noun}`), example: `my ${noun}` },
    {
      name: 'status',
      type: 'string',
      enum: [
        { value: 'draft', label: text('草稿', 'Draft') },
        { value: 'active', label: text('生效', 'Active') },
        { value: 'archived', label: text('归档', 'Archived') },
      ],
      default: 'draft',
      description: text('状态', 'Status'),
    },
    {
      name: 'settings',
      type: 'object',
      description: text('设置', 'Settings'),
      fields: [
        { name: 'notify', type: 'boolean', default: true, description: text('是否通知', 'Send notifications') },
        { name: 'priority', type: 'integer', minimum: 0, maximum: 9, description: text('优先级', 'Priority, 0–9') },
      ],
    },
    {
      name: 'items',
      type: 'array',
      description: text('明细', 'Line items'),
      items: {
        type: 'object',
        fields: [
          { name: 'sku', type: 'string', required: true, description: text('商品编号', 'Product code') },
          { name: 'quantity', type: 'integer', minimum: 1, description: text('数量', 'Quantity') },
        ],
      },
    },
    { name: 'meta_data', type: 'object', additionalProperties: { type: 'string' }, description: text('自定义键值对', 'Custom key-value pairs') },
  ];
}

function responseFields(noun: string): Field[] {
  return [
    { name: 'code', type: 'integer', description: text('状态码，0 表示成功', 'Status code; 0 means success') },
    { name: 'msg', type: 'string', description: text('状态信息', 'Status message') },
    {
      name: 'data',
      type: 'object',
      description: text(`${noun}对象`, `The ${noun}`),
      fields: [
        { name: 'id', type: 'string', format: 'int64', description: text('ID', 'ID') },
        { name: 'name', type: 'string', description: text('名称', 'Name') },
        { name: 'status', type: 'string', description: text('状态', 'Status') },
        { name: 'created_at', type: 'integer', description: text('创建时间（秒）', 'Created at (Unix seconds)') },
      ],
    },
  ];
}

function synthetic(index: number, group: string, subgroup: string | undefined): EndpointEntry {
  const [nounId, nounZh, nounEn] = NOUNS[index % NOUNS.length]!;
  const verb = VERBS[Math.floor(index / NOUNS.length) % VERBS.length]!;
  const n = Math.floor(index / (NOUNS.length * VERBS.length));
  const hasId = verb.id !== 'list' && verb.id !== 'create';
  const path = `/v1/${group}/${nounId}s${n}${hasId ? `/{${nounId}_id}` : ''}`;
  const params: Param[] = [];
  if (hasId) params.push({ name: `${nounId}_id`, in: 'path', type: 'string', format: 'int64', required: true, description: text(`${nounZh} ID`, `${nounEn} ID`), example: '7440000000000000001' });
  if (verb.id === 'list') {
    params.push({ name: 'page_num', in: 'query', type: 'integer', minimum: 1, default: 1, description: text('页码', 'Page number') });
    params.push({ name: 'page_size', in: 'query', type: 'integer', minimum: 1, maximum: 50, default: 20, description: text('每页数量', 'Page size') });
  }
  const withBody = verb.method === 'POST' || verb.method === 'PUT' || verb.method === 'PATCH';
  if (withBody) for (const f of bodyFields(nounEn)) params.push({ ...f, in: 'body', ...(verb.id === 'patch' ? { required: false } : {}) });
  const title = text(`${verb.zh}${nounZh} ${n}（${group}）`, `${verb.en} ${nounEn} ${n} (${group})`);
  return {
    kind: 'endpoint',
    id: `${group}.${nounId}${n}.${verb.id}`,
    slug: `${group}_${nounId}${n}_${verb.id}`,
    group,
    ...(subgroup ? { subgroup } : {}),
    title,
    summary: text(`合成接口：${title.zh}`, `Synthetic API: ${title.en}`),
    description: text('用于基准测试的合成接口。', 'A synthetic API for the benchmark.'),
    method: verb.method,
    host: 'api',
    path,
    notes: index % 3 === 0 ? [text('每个账号每分钟最多调用 60 次。', 'At most 60 calls per minute per account.')] : [],
    requestBody: withBody ? 'json' : 'none',
    params,
    response: {
      kind: 'json',
      envelope: 'standard',
      fields: responseFields(nounEn),
      example: { code: 0, msg: '', data: { id: '7440000000000000001', name: `my ${nounEn}`, status: 'active', created_at: 1735689600 }, detail: { logid: '20250101000000000000000000000001' } },
    },
    stream: 'none',
    mutates: verb.method !== 'GET',
    billable: false,
  };
}

/** The built-in catalogue's entries (as data) followed by synthetic ones, `total` entries in all. */
export function benchCatalog(total = 5000): Catalog {
  const builtin = assembleCatalog(catalogIndex, catalogSections) as Catalog;
  const groups: CatalogGroup[] = [...builtin.groups];
  const entries: CatalogEntry[] = [...builtin.entries];
  const extra = total - entries.length;
  const groupCount = 40;
  const perGroup = Math.ceil(extra / groupCount);
  for (let g = 0; g < groupCount; g++) {
    const id = `area${g + 1}`;
    groups.push({ id, title: text(`业务域 ${g + 1}`, `Business area ${g + 1}`), ...(g % 4 === 0 ? { subgroups: [{ id: 'core', title: text('核心', 'Core') }, { id: 'extra', title: text('扩展', 'Extras') }] } : {}) });
    for (let i = 0; i < perGroup && entries.length < total; i++) entries.push(synthetic(i, id, g % 4 === 0 ? (i % 2 ? 'extra' : 'core') : undefined));
  }
  // Validated here so a schema change shows up as a clear bench failure, not as a broken page.
  return parseCatalog(JSON.parse(JSON.stringify({ ...builtin, title: text('基准目录', 'Benchmark catalogue'), groups, entries })), 'bench catalogue');
}
