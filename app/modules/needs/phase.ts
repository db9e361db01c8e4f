// A need's phase is derived from its stored status, its deadlines and the clock, so no background job has to
// fire for a deadline to take effect (DESIGN.md, "Status from timestamps"). Browser-safe.
import type { NeedStatus } from "#app/.server/prisma/enums.ts";

export type NeedPhase = Exclude<NeedStatus, "PUBLISHED"> | "OPEN_FOR_BIDS" | "BIDDING_CLOSED";

export function needPhase(need: { status: NeedStatus; bidDeadline: Date | string | null }, now = new Date()): NeedPhase {
  if (need.status !== "PUBLISHED") return need.status;
  if (!need.bidDeadline) return "OPEN_FOR_BIDS";
  return new Date(need.bidDeadline).getTime() > now.getTime() ? "OPEN_FOR_BIDS" : "BIDDING_CLOSED";
}

export function isOpenForQuestions(
  need: { status: NeedStatus; enquiryDeadline: Date | string | null; bidDeadline: Date | string | null },
  now = new Date(),
) {
  if (needPhase(need, now) !== "OPEN_FOR_BIDS") return false;
  return !need.enquiryDeadline || new Date(need.enquiryDeadline).getTime() > now.getTime();
}

export const PHASE_TONE: Record<NeedPhase, "neutral" | "primary" | "success" | "warning" | "danger"> = {
  DRAFT: "neutral",
  OPEN_FOR_BIDS: "success",
  BIDDING_CLOSED: "warning",
  EVALUATING: "warning",
  AWARDED: "primary",
  IN_DELIVERY: "primary",
  COMPLETED: "neutral",
  CANCELLED: "danger",
  UNSUCCESSFUL: "danger",
};
