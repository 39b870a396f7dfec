/** Tenant fixtures seeded through the emulator's admin API, so they never appear in the Graph request log. */
import type { EmulatorAdminClient } from "../../emulator";

/** Seeds one catalog holding `count` access packages and returns their ids, in order. */
export async function seedAccessPackages(admin: EmulatorAdminClient, count: number, label: string): Promise<string[]> {
    const catalog = await admin.seed("catalogs", { displayName: `${label} catalog` });
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
        const accessPackage = await admin.seed("accessPackages", { displayName: `${label} package ${i}`, catalog: { id: catalog.id } });
        ids.push(accessPackage.id);
    }
    return ids;
}
