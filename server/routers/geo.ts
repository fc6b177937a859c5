import { z } from "zod";
import { villageFactsImportSchema } from "@/configs/contracts/village-facts";
import { districtDashboard } from "@/server/services/dashboard";
import { myDistricts, tehsilsOf, villagesOf } from "@/server/services/geo";
import { importVillageFacts } from "@/server/services/village-facts";
import { authedProcedure, router } from "@/server/trpc";

const id = z.number().int().positive();

export const geoRouter = router({
  districts: authedProcedure.query(({ ctx }) => myDistricts(ctx.db, ctx.user)),
  tehsils: authedProcedure.input(z.object({ districtId: id }).strict()).query(({ ctx, input }) => tehsilsOf(ctx.db, ctx.user, input.districtId)),
  villages: authedProcedure.input(z.object({ tehsilId: id }).strict()).query(({ ctx, input }) => villagesOf(ctx.db, ctx.user, input.tehsilId)),
  dashboard: authedProcedure
    .input(z.object({ districtId: id.optional() }).strict())
    .query(({ ctx, input }) => districtDashboard(ctx.db, ctx.user, input.districtId)),
  importVillageFacts: authedProcedure.input(villageFactsImportSchema).mutation(({ ctx, input }) => importVillageFacts(ctx.db, ctx.user, input)),
});
