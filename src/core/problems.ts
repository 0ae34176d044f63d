/** A problem found in a document, with the path of the bad value (`entries[12].params[3].type`). */
export interface Problem {
  path: string;
  message: string;
}

/** An error that carries every problem found; its message lists the first few, one per line. */
export class ProblemListError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[], what: string) {
    const shown = problems.slice(0, 8).map((p) => `${p.path || '(root)'}: ${p.message}`);
    const more = problems.length > 8 ? `\n… and ${problems.length - 8} more` : '';
    super(`Invalid ${what}:\n${shown.join('\n')}${more}`);
    this.problems = problems;
  }
}
