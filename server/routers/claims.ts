import { householdFactsInputSchema } from "@/configs/contracts/household";
import { batchTransitionInputSchema, claimListInputSchema, claimRefSchema, newClaimSchema, noticeReceiptInputSchema, parcelUpdateSchema, transitionInputSchema } from "@/configs/contracts/claims";
import { createClaim, getClaim, listClaims, transitionClaim, transitionClaims, updateParcel } from "@/server/services/claims";
import { recordHouseholdFacts } from "@/server/services/households";
import { recordNoticeReceipt } from "@/server/services/notices";
import { authedProcedure, router } from "@/server/trpc";

export const claimsRouter = router({
  list: authedProcedure.input(claimListInputSchema).query(({ ctx, input }) => listClaims(ctx.db, ctx.user, input)),
  get: authedProcedure.input(claimRefSchema).query(({ ctx, input }) => getClaim(ctx.db, ctx.user, input)),
  transition: authedProcedure.input(transitionInputSchema).mutation(({ ctx, input }) => transitionClaim(ctx.db, ctx.user, input)),
  transitionMany: authedProcedure.input(batchTransitionInputSchema).mutation(({ ctx, input }) => transitionClaims(ctx.db, ctx.user, input)),
  recordNoticeReceipt: authedProcedure.input(noticeReceiptInputSchema).mutation(({ ctx, input }) => recordNoticeReceipt(ctx.db, ctx.user, input)),
  updateParcel: authedProcedure.input(parcelUpdateSchema).mutation(({ ctx, input }) => updateParcel(ctx.db, ctx.user, input)),
  recordHousehold: authedProcedure.input(householdFactsInputSchema).mutation(({ ctx, input }) => recordHouseholdFacts(ctx.db, ctx.user, input)),
  create: authedProcedure.input(newClaimSchema).mutation(({ ctx, input }) => createClaim(ctx.db, ctx.user, input)),
});
