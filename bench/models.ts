// Teacher vs student, as the field app would run them: entity F1 (PyTorch fp32 from the trainer, and
// int8 in onnxruntime measured here), parameters, file sizes, and latency per sentence and per OCR page
// in onnxruntime-node and onnxruntime-web (its WebAssembly build, single thread, in Node's V8): text to
// entities as the app waits on it, and per page the model's run alone as well.
//   npm run bench:models                         # the run `npm run model:ship` made (data/runs/default)
//   npm run bench:models -- --run-dir DIR
//   npm run bench:models -- --package models/fra-ner   # one packaged model alone, e.g. the shipped student
// Prints one JSON object.
import { existsSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import * as ortWeb from "onnxruntime-web";
import { latencyMs, loadPackageModel, modelLatencyMs, readNerPackage, SENTENCE, testF1 } from "@/server/services/models/onnx-check";
import { encoderFeeds, type Int64TensorClass } from "@/workers/ner/feeds";
import { markLineBreaks, type NerModel } from "@/workers/ner/extract";

const { values } = parseArgs({ options: { "run-dir": { type: "string", default: "data/runs/default" }, package: { type: "string" }, repeats: { type: "string", default: "30" } } });
const runDir = values["run-dir"]!;
const repeats = Number(values.repeats);
if (!values.package && !existsSync(path.join(runDir, "evaluation.json"))) {
  console.error(`${runDir} has no finished trainer run: run \`npm run model:ship\` (or \`npm run train -- run --preset tiny --run-dir ${runDir}\`) first`);
  process.exit(2);
}

// One typed Form A page after OCR, 291 tokens with its line marks: the NER's unit of work on a tablet.
const PAGE = [
  "FORM - A",
  "CLAIM FORM FOR RIGHTS TO FOREST LAND",
  "प्रपत्र - क : वन भूमि पर अधिकारों के लिए दावा प्रपत्र [See rule 11(1)(a)]",
  "Claim No: GAD-2009-000412",
  "1. Name of the claimant(s) / दावेदार का नाम: Ramesh Usendi (रमेश उसेंडी)",
  "2. Name of the spouse / पति/पत्नी का नाम: Parvati Usendi",
  "3. Name of father / mother / पिता/माता का नाम: Maroti Usendi",
  "4. Address / पता: At Pipgaon, Post Pipgaon",
  "5. Village / ग्राम: Pipgaon",
  "6. Gram Panchayat / ग्राम पंचायत: Gatpalli",
  "7. Tehsil / Taluka / तहसील: Etapalli",
  "8. District / जिला: Gadchiroli",
  "9. Scheduled Tribe or OTFD / अनुसूचित जनजाति या अन्य: Scheduled Tribe (Madia Gond)",
  "10. Family members with age / परिवार के सदस्य: Parvati Usendi (41), Raju (12)",
  "11. Extent of forest land for self-cultivation / स्व-खेती हेतु भूमि: 1.60 ha",
  "12. Survey / Khasra No. / खसरा क्रमांक: 212/3, 214",
  "13. Evidence in support / साक्ष्य: Voter ID; elders' statement",
  "Date / दिनांक: 14/03/2009",
].join("\n");

async function webModel(dir: string, file: string): Promise<NerModel & { release(): Promise<void> }> {
  ortWeb.env.wasm.numThreads = 1;
  const session = await ortWeb.InferenceSession.create(path.join(dir, "onnx", file));
  return {
    ...(await readNerPackage(dir)),
    run: async (rows) => {
      const out = await session.run(encoderFeeds(rows, ortWeb.Tensor as unknown as Int64TensorClass<ortWeb.Tensor>));
      return { data: out.logits!.data as Float32Array, dims: out.logits!.dims };
    },
    release: () => session.release(),
  };
}

type Evaluation = Record<"teacher" | "student" | "baseline", { parameters: number; test: { overall: { f1: number }; per_entity: Record<string, { f1: number }> } }> & { distillation_gain_f1: number };

/** Everything measured on one package folder: F1 of both graphs as the app extracts, sizes, latency. */
async function measurePackage(dir: string) {
  const bytes = (f: string) => statSync(path.join(dir, "onnx", f)).size;
  const nodeFp32 = await loadPackageModel(dir, "model.onnx");
  const nodeInt8 = await loadPackageModel(dir, "model_quantized.onnx");
  const webInt8 = await webModel(dir, "model_quantized.onnx");
  const testFile = path.join(dir, "test.jsonl");
  const int8Test = await testF1(testFile, nodeInt8);
  const result = {
    f1_fp32_onnxruntime: (await testF1(testFile, nodeFp32)).overall.f1,
    f1_int8_onnxruntime: int8Test.overall.f1,
    f1_per_entity_int8: Object.fromEntries(Object.entries(int8Test.perEntity).map(([k, v]) => [k, v.f1])),
    bytes_fp32: bytes("model.onnx"),
    bytes_int8: bytes("model_quantized.onnx"),
    ms_per_sentence: {
      node_fp32: await latencyMs(nodeFp32, SENTENCE, repeats),
      node_int8: await latencyMs(nodeInt8, SENTENCE, repeats),
      web_wasm_int8: await latencyMs(webInt8, SENTENCE, repeats),
    },
    ms_per_page: {
      node_fp32: await latencyMs(nodeFp32, PAGE, repeats),
      node_int8: await latencyMs(nodeInt8, PAGE, repeats),
      web_wasm_int8: await latencyMs(webInt8, PAGE, repeats),
    },
    // The same page with tokenizing and grouping left out: the share that is the model's own.
    ms_per_page_model_only: {
      node_fp32: await modelLatencyMs(nodeFp32, PAGE, repeats),
      node_int8: await modelLatencyMs(nodeInt8, PAGE, repeats),
      web_wasm_int8: await modelLatencyMs(webInt8, PAGE, repeats),
    },
  };
  await Promise.all([nodeFp32.session.release(), nodeInt8.session.release(), webInt8.release()]);
  return result;
}

const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version };
if (values.package) {
  const card = JSON.parse(readFileSync(path.join(values.package, "card.json"), "utf8")) as { name: string; run_id: string; parameters: number };
  console.log(JSON.stringify({ bench: "models", package: values.package, model: card.name, run: card.run_id, machine, parameters: card.parameters, ...(await measurePackage(values.package)) }, null, 2));
  process.exit(0);
}

const evaluation = JSON.parse(readFileSync(path.join(runDir, "evaluation.json"), "utf8")) as Evaluation;
const measure = async (role: "teacher" | "student") => ({
  parameters: evaluation[role].parameters,
  f1_torch_fp32: evaluation[role].test.overall.f1,
  ...(await measurePackage(path.join(runDir, "package", role))),
});

const teacher = await measure("teacher");
const student = await measure("student");
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
const figures = {
  bench: "models",
  run: path.basename(runDir),
  machine,
  page_tokens: (await readNerPackage(path.join(runDir, "package", "student"))).tokenizer.encode(markLineBreaks(PAGE)).tokens.length,
  teacher,
  student,
  baseline_student_f1_torch: evaluation.baseline.test.overall.f1,
  distillation_gain_f1: evaluation.distillation_gain_f1,
  student_vs_teacher: {
    f1_retained_int8: ratio(student.f1_int8_onnxruntime, teacher.f1_int8_onnxruntime),
    parameters_smaller: ratio(teacher.parameters, student.parameters),
    bytes_smaller_int8_vs_int8: ratio(teacher.bytes_int8, student.bytes_int8),
    bytes_smaller_teacher_fp32_vs_student_int8: ratio(teacher.bytes_fp32, student.bytes_int8),
    faster_page_web_wasm_int8: ratio(teacher.ms_per_page.web_wasm_int8, student.ms_per_page.web_wasm_int8),
    faster_page_node_int8: ratio(teacher.ms_per_page.node_int8, student.ms_per_page.node_int8),
    faster_page_model_only_web_wasm_int8: ratio(teacher.ms_per_page_model_only.web_wasm_int8, student.ms_per_page_model_only.web_wasm_int8),
    faster_page_model_only_node_int8: ratio(teacher.ms_per_page_model_only.node_int8, student.ms_per_page_model_only.node_int8),
  },
};
console.log(JSON.stringify(figures, null, 2));
