import { GraphRequestError } from "./graphRequestError";

/**
 * `error` with `hint` put before the advice it already gives. A {@link GraphRequestError} is rebuilt, so that its
 * message and its `hint` field both carry the hint; any other error keeps its type but has the hint appended.
 */
export function withHint(error: unknown, hint: string): Error {
    if (error instanceof GraphRequestError) {
        const { name: _name, ...details } = error;
        return new GraphRequestError({ ...details, hint: error.hint === undefined ? hint : `${hint} ${error.hint}` });
    }
    const failure = error instanceof Error ? error : new Error(String(error));
    failure.message = `${failure.message}. ${hint}`;
    return failure;
}
