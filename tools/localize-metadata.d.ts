/** Types for tools/localize-metadata.js (plain CommonJS so webpack.config.js can require it without a compiler). */

export interface FunctionParameterMetadata {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  [key: string]: unknown;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: FunctionParameterMetadata[];
  [key: string]: unknown;
}

export interface FunctionsMetadata {
  functions: FunctionMetadata[];
  [key: string]: unknown;
}

export interface SwedishTexts {
  description: string;
  parameters?: Record<string, { name: string; description: string }>;
}

/** One *.sv.json file: function id -> Swedish texts (keys starting with "$" are comments). */
export type TranslationTable = Record<string, SwedishTexts | unknown>;

export class MissingTranslationError extends Error {
  problems: string[];
  constructor(problems: string[]);
}

export const TABLE_SUFFIX: string;
export function readTables(dir: string): Record<string, TranslationTable>;
export function tableFiles(dir: string): string[];
export function localizeMetadata(metadata: FunctionsMetadata, tables: Record<string, TranslationTable>): FunctionsMetadata;
