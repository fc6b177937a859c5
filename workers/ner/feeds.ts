// The three inputs transformers.js feeds a BERT-style encoder, for rows of token ids padded to one
// width. Takes the Tensor class of whichever onnxruntime is at hand (node, web).
export type Int64TensorClass<T> = new (type: "int64", data: BigInt64Array, dims: number[]) => T;

export function encoderFeeds<T>(rows: number[][], Tensor: Int64TensorClass<T>): Record<"input_ids" | "attention_mask" | "token_type_ids", T> {
  const width = Math.max(...rows.map((r) => r.length));
  const ids = new BigInt64Array(rows.length * width);
  const mask = new BigInt64Array(rows.length * width);
  rows.forEach((row, i) =>
    row.forEach((id, j) => {
      ids[i * width + j] = BigInt(id);
      mask[i * width + j] = 1n;
    }),
  );
  const dims = [rows.length, width];
  return {
    input_ids: new Tensor("int64", ids, dims),
    attention_mask: new Tensor("int64", mask, dims),
    token_type_ids: new Tensor("int64", new BigInt64Array(rows.length * width), dims),
  };
}
