import { z } from "zod";
import { districtDashboard } from "@/server/services/dashboard";
import { myDistricts, tehsilsOf, villagesOf } from "@/server/services/geo";
import { authedProcedure, router } from "@/server/trpc";

const id = z.number().int().positive();

export const geoRouter = router({
  districts: authedProcedure.query(({ ctx }) => myDistricts(ctx.db, ctx.user)),
  tehsils: authedProcedure.input(z.object({ districtId: id }).strict()).query(({ ctx, input }) => tehsilsOf(ctx.db, ctx.user, input.districtId)),
  villages: authedProcedure.input(z.object({ tehsilId: id }).strict()).query(({ ctx, input }) => villagesOf(ctx.db, ctx.user, input.tehsilId)),
  dashboard: authedProcedure
    .input(z.object({ districtId: id.optional() }).strict())
    .query(({ ctx, input }) => districtDashboard(ctx.db, ctx.user, input.districtId)),
});
