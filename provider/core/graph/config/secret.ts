import { inspect } from "node:util";

const REDACTED = "[redacted]";

/**
 * A credential value (token, client secret, assertion) that cannot leak by accident: the value lives in a closure,
 * and every way an object is usually turned into text (`JSON.stringify`, template strings, `util.inspect`,
 * `console.log`) yields `[redacted]`. Only {@link Secret.reveal} returns it, at the single place it is sent.
 */
export class Secret {
    /** Returns the secret value; call it only where the value goes onto the wire. */
    readonly reveal: () => string;

    constructor(value: string) {
        this.reveal = () => value;
    }

    toJSON(): string {
        return REDACTED;
    }

    toString(): string {
        return REDACTED;
    }

    [inspect.custom](): string {
        return REDACTED;
    }
}

// A JWT (header.payload.signature, base64url) or anything following "Bearer ": what a token looks like when it is
// not one of the secrets we know about, e.g. echoed back by a proxy or a credential library.
const TOKEN_SHAPES = [/eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g, /(bearer\s+)[^\s,;"']+/gi];

/** Replaces every known secret and anything shaped like a bearer token or JWT in `text` with `[redacted]`. */
export function redact(text: string, secrets: readonly Secret[]): string {
    let result = text;
    for (const secret of secrets) {
        const value = secret.reveal();
        if (value.length > 0) {
            result = result.split(value).join(REDACTED);
        }
    }
    return result.replace(TOKEN_SHAPES[0], REDACTED).replace(TOKEN_SHAPES[1], `$1${REDACTED}`);
}
