import { describe, expect, it } from "vitest";
import { readVillageFacts } from "@/configs/contracts/village-facts";
import { parseCsv } from "@/server/services/csv";

const read = (text: string) => readVillageFacts(parseCsv(text));

describe("a department's CSV of village facts", () => {
  it("reads the columns it knows in any order and case, yes and no in their spreadsheet spellings, and names the columns it passed over", () => {
    const result = read('\uFEFFBlock,DAJGUA,Census_Code,Households_With_Tap,Households\r\n"Etapalli, East",Y,540101,12,40\r\nEtapalli,0,540102,,\r\n');
    expect(result).toEqual({
      rows: [
        { line: 2, censusCode: "540101", taps: { households: 40, withTap: 12 }, dajgua: true },
        { line: 3, censusCode: "540102", taps: null, dajgua: false },
      ],
      ignoredColumns: ["Block"],
    });
  });

  it("lists the first ten problems of a file and counts the rest", () => {
    const body = Array.from({ length: 14 }, (_, i) => `54${i},-3,0`).join("\n");
    const result = read(`census_code,households,households_with_tap\n${body}\n`);
    expect("problems" in result && result.problems).toHaveLength(11);
    expect("problems" in result && result.problems[0]).toBe("line 2: households: a whole number");
    expect("problems" in result && result.problems[10]).toBe("and 4 more");
  });

  it("refuses a column given twice, and a village of no households", () => {
    expect(read("census_code,dajgua,dajgua\n1,yes,no\n")).toEqual({ problems: ["line 1: the column dajgua is there twice"] });
    expect(read("census_code,households,households_with_tap\n1,0,0\n")).toEqual({ problems: ["line 2: households: a village of no households has nothing to report"] });
  });
});
