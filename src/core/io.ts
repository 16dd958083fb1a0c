// The port every edge implements: what a run may do to its surroundings (the runner, or a terminal).
// Types only: the action's Io is src/app/io.ts, the CLI's is in src/app/command.ts.

/** Where a message points in a file (annotations). */
export interface Place {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

/** The run's effects on its surroundings: the runner (workflow commands, output files) or a terminal (the CLI). */
export interface Io {
  info(message: string): void;
  debug(message: string): void;
  warning(message: string, place?: Place): void;
  error(message: string, place?: Place): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  setOutput(name: string, value: string): void;
  summary(markdown: string): Promise<void>;
  setSecret(secret: string): void;
}
