/**
 * The `@odata.type` Graph's bodies carry even on objects whose type is fixed, declared so that a body copied from
 * Graph Explorer or the Graph docs type-checks as written.
 */
export interface GraphTypeTag<Name extends string> {
    /** Graph's type name for this object. Optional; check accepts it without `#` and in any letter case, refuses one naming another type, and drops it. */
    "@odata.type"?: `#microsoft.graph.${Name}`;
}
