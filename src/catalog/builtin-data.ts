/**
 * The built-in Coze catalogue, as data. Imported statically so bundlers put it in its own chunk;
 * load it through `loadBuiltinCatalog()` (src/catalog/index.ts), which imports this module lazily.
 */
import type { CatalogIndex, CatalogSection } from '../core/catalog/assemble.js';
import index from '../../catalog/index.json';
import intro from '../../catalog/sections/intro.json';
import auth from '../../catalog/sections/auth.json';
import bots from '../../catalog/sections/bots.json';
import workspaces from '../../catalog/sections/workspaces.json';
import folders from '../../catalog/sections/folders.json';
import enterprise from '../../catalog/sections/enterprise.json';
import conversations from '../../catalog/sections/conversations.json';
import chat from '../../catalog/sections/chat.json';
import workflows from '../../catalog/sections/workflows.json';
import files from '../../catalog/sections/files.json';
import audio from '../../catalog/sections/audio.json';
import datasets from '../../catalog/sections/datasets.json';
import plugins from '../../catalog/sections/plugins.json';
import variables from '../../catalog/sections/variables.json';
import connectors from '../../catalog/sections/connectors.json';
import quotas from '../../catalog/sections/quotas.json';
import billing from '../../catalog/sections/billing.json';
import callbacks from '../../catalog/sections/callbacks.json';
import legacy from '../../catalog/sections/legacy.json';
import reference from '../../catalog/sections/reference.json';

export const catalogIndex = index as unknown as CatalogIndex;

export const catalogSections: Record<string, CatalogSection> = {
  intro: intro as unknown as CatalogSection,
  auth: auth as unknown as CatalogSection,
  bots: bots as unknown as CatalogSection,
  workspaces: workspaces as unknown as CatalogSection,
  folders: folders as unknown as CatalogSection,
  enterprise: enterprise as unknown as CatalogSection,
  conversations: conversations as unknown as CatalogSection,
  chat: chat as unknown as CatalogSection,
  workflows: workflows as unknown as CatalogSection,
  files: files as unknown as CatalogSection,
  audio: audio as unknown as CatalogSection,
  datasets: datasets as unknown as CatalogSection,
  plugins: plugins as unknown as CatalogSection,
  variables: variables as unknown as CatalogSection,
  connectors: connectors as unknown as CatalogSection,
  quotas: quotas as unknown as CatalogSection,
  billing: billing as unknown as CatalogSection,
  callbacks: callbacks as unknown as CatalogSection,
  legacy: legacy as unknown as CatalogSection,
  reference: reference as unknown as CatalogSection,
};
