// What tells a form's printed labels from its typed answers in OCR's text, for the items read by layout.

/** A printed label's line: the next item's number at a line's start (OCR reads "4." as "4," now and then,
 *  or keeps only its full stop), or the " / " between a label's English and Hindi. */
export const LABEL_LINE = /^\s*(?:\d{1,2}\s*)?[.,)]\s|^\s*\d{1,2}\s*[.,)]|\s\/\s/;

/** OCR's marks around a typed answer ("Sagpur _", "‘Kotmi"), none of them part of it. */
export const STRAY_AROUND = /^[\s‘’“”'"`_|~.:]+|[\s‘’“”'"`_|~.:]+$/gu;
