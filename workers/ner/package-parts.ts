// What a model package's config.json and tokenizer.json give the NER, wherever they were read from (a
// folder on the server, the tablet's verified cache): the tokenizer, labels in index order, the longest
// input, and the ids that open and close a window.
import type { NerModel } from "./extract";
import type { WordPieceTokenizer } from "./wordpiece";

export type PackageConfig = { id2label: Record<string, string>; max_position_embeddings: number };

export function nerPackageParts(tokenizer: WordPieceTokenizer, config: PackageConfig): Omit<NerModel, "run"> {
  const labels = Object.keys(config.id2label).sort((a, b) => Number(a) - Number(b)).map((k) => config.id2label[k]!);
  return { tokenizer, labels, maxLength: config.max_position_embeddings, clsId: tokenizer.idOf("[CLS]"), sepId: tokenizer.idOf("[SEP]") };
}
