/** Which requests a fault rule applies to, and how often it fires. */
export interface FaultMatch {
    /** Assigned by the emulator when the rule is added; used to remove it. */
    id?: string;
    /** HTTP method, or `*` (the default, except where a kind says otherwise). */
    method?: string;
    /** Glob over the path (no query): `*` matches within a segment, `**` across segments. */
    path?: string;
    /** Regular expression (source text) over the path; used instead of `path` when given. */
    pathRegex?: string;
    /** Fire at most this many times (an integer); unlimited when absent. */
    times?: number;
    /** Chance (0..1) that a matching request fires the rule; default 1. */
    probability?: number;
}

/**
 * How `Retry-After` is written: `seconds` (default) as delay-seconds, e.g. `Retry-After: 7`;
 * `httpDate` as the IMF-fixdate that many seconds from now (rounded up to a whole second),
 * e.g. `Retry-After: Wed, 21 Oct 2026 07:28:07 GMT`, the other form RFC 9110 §10.2.3 allows.
 */
export type RetryAfterFormat = "seconds" | "httpDate";

/** 429 with `Retry-After`: for `times` requests, or as a token bucket of `ratePerSecond`. */
export interface ThrottleFault extends FaultMatch {
    /** Discriminator. */
    kind: "throttle";
    /** `Retry-After` in whole seconds for count-based throttling (default 1); the bucket computes its own. */
    retryAfterSeconds?: number;
    /** How `Retry-After` is written; default `seconds`. */
    retryAfterFormat?: RetryAfterFormat;
    /** When set, requests beyond this sustained rate are throttled. */
    ratePerSecond?: number;
    /** Bucket capacity (default: `max(1, ratePerSecond)`). */
    burst?: number;
}

/** A 500, 503 or 504, optionally with `Retry-After`. */
export interface ServerErrorFault extends FaultMatch {
    /** Discriminator. */
    kind: "serverError";
    /** The status answered. */
    status: 500 | 503 | 504;
    /** Optional `Retry-After`, in whole seconds. */
    retryAfterSeconds?: number;
    /** How `Retry-After` is written; default `seconds`. */
    retryAfterFormat?: RetryAfterFormat;
}

/** Added latency before the request is handled. */
export interface LatencyFault extends FaultMatch {
    /** Discriminator. */
    kind: "latency";
    /** Milliseconds added. */
    ms: number;
}

/**
 * The connection is destroyed without a response, before the request is applied or after it
 * was applied ("outcome unknown": the write happened but the client cannot know).
 */
export interface DropFault extends FaultMatch {
    /** Discriminator. */
    kind: "drop";
    /** When the connection is dropped. */
    phase: "beforeApply" | "afterApply";
}

/** How long a visibility window lasts: `ms`, `requests`, or whichever ends first; default 1 request. */
export interface VisibilityWindow {
    /** Window length in milliseconds. */
    ms?: number;
    /** Number of GETs the window answers (an integer): each request that meets the lagging object counts once. */
    requests?: number;
}

/**
 * Graph's read side lags behind a write that a matching request made (default method POST):
 *
 * - After a create (a `201` answer), the new object answers 404 on a GET of its own URL for the window.
 * - After a replace (a rule with `method: "PUT"` and a `200` answer), a GET of the object's URL
 *   answers the version from before the PUT, `modifiedDateTime` included, for the window.
 *
 * Lists and `$expand`ed navigations (e.g. `accessPackages/{id}?$expand=assignmentPolicies`)
 * show the current state unless `hideFromLists` is set. The PUT's own answer, other writes and
 * the admin API always see the current state.
 */
export interface ReadAfterWriteLagFault extends FaultMatch, VisibilityWindow {
    /** Discriminator. */
    kind: "readAfterWriteLag";
    /**
     * Lists and expansions lag too while the window lasts: a created object is absent from them,
     * a replaced one appears in its old version; each GET that reads a collection holding the
     * object counts against `requests`. Default `false`.
     */
    hideFromLists?: boolean;
}

/** An object deleted by a matching request (default method DELETE) answers 403 on GET for a while. */
export interface ForbiddenAfterDeleteFault extends FaultMatch, VisibilityWindow {
    /** Discriminator. */
    kind: "forbiddenAfterDelete";
}

/**
 * 409 Conflict for a create (default method POST) while another create for the same access
 * package is in flight. Each create holds its package for `holdMs` (default 200) so that
 * "parallel" is well defined.
 */
export interface ConflictOnParallelCreateFault extends FaultMatch {
    /** Discriminator. */
    kind: "conflictOnParallelCreate";
    /** How long each create keeps its access package busy. */
    holdMs?: number;
}

/**
 * Graph applies a matching write (default method POST) `ms` after the client got its answer: the
 * front door gave up waiting (504) or the connection broke while the back end was still at work.
 */
export interface LateApplyFault extends FaultMatch {
    /** Discriminator. */
    kind: "lateApply";
    /** How long after the answer the request is applied. */
    ms: number;
    /** What the client gets at once: `gatewayTimeout` (504 in Graph's error body, the default) or `drop` (no answer). */
    answer?: "gatewayTimeout" | "drop";
}

/**
 * An answer that is not Graph's, as a proxy, a WAF or a wrong port gives it. `html404` (a 404 HTML
 * page), `empty200` (200 with no body) and `null200` (200 with the JSON `null`) are answered in
 * Graph's place: the request never reaches it. `truncated` is Graph's own answer (the request was
 * applied) with its status and headers, cut short after half of its body.
 */
export interface GatewayAnswerFault extends FaultMatch {
    /** Discriminator. */
    kind: "gatewayAnswer";
    /** Which answer. */
    answer: "html404" | "empty200" | "null200" | "truncated";
}

/**
 * Another writer creates a policy with the same display name in the same access package around a
 * matching create (default method POST): just before it is applied (`beforeApply`, the default)
 * or just after (`afterApply`). The other writer's policy has the description `description`.
 */
export interface SecondWriterFault extends FaultMatch {
    /** Discriminator. */
    kind: "secondWriter";
    /** When the other writer's create lands. */
    phase?: "beforeApply" | "afterApply";
    /** The other writer's description (default `created by another writer`). */
    description?: string;
}

/** Any fault rule. */
export type FaultRule =
    | ThrottleFault
    | ServerErrorFault
    | LatencyFault
    | DropFault
    | ReadAfterWriteLagFault
    | ForbiddenAfterDeleteFault
    | ConflictOnParallelCreateFault
    | LateApplyFault
    | GatewayAnswerFault
    | SecondWriterFault;

/** A rule as installed: with its id and how often it has fired. */
export type InstalledFaultRule = FaultRule & {
    /** Assigned id. */
    id: string;
    /** Number of times the rule fired so far. */
    fired: number;
};
