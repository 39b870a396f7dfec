import type { JsonObject } from "../json";
import type { EntityRecord } from "../store/TenantState";

/** A record's stored properties as GET renders them, `id` first: the readers stored them in Graph's shape. */
export const structural = (record: EntityRecord): JsonObject => ({ id: record.id, ...structuredClone(record.properties) });
