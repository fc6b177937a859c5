// The bar above a printable document: back to the map, the languages it is offered in, and Print. Not printed.
import { PrintButton } from "./PrintButton";
import { PRINT_LANGUAGE_NAMES, printLanguagesFor, type PrintLanguage } from "./print-languages";

export function PrintNav({ stateCode, language, printable }: { stateCode: string; language: PrintLanguage; printable: boolean }) {
  const languages = printLanguagesFor(stateCode);
  return (
    <nav className="no-print">
      <a href="/">← Back to the map</a>
      {printable && languages.length > 1 && (
        <span className="print-languages" aria-label="Language of the document">
          {languages.map((l) => l === language
            ? <strong key={l} lang={l} aria-current="page">{PRINT_LANGUAGE_NAMES[l]}</strong>
            : <a key={l} lang={l} href={`?lang=${l}`}>{PRINT_LANGUAGE_NAMES[l]}</a>)}
        </span>
      )}
      {printable && <PrintButton />}
    </nav>
  );
}
