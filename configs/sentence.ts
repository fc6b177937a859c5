// The server words its refusals as clauses ("the day received … is after today"); a form shows the same
// words to its user as a sentence.
export const asSentence = (clause: string) => `${clause.charAt(0).toUpperCase()}${clause.slice(1)}${/[.!?]$/.test(clause) ? "" : "."}`;
