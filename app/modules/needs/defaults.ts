// What a new need starts with: open across districts (Article 8), open tender, the usual three criteria
// (price 30, service plan 50, track record 20), and dates a clerk would typically choose — questions close at
// 17:00 ten days from now, bids at 17:00 twenty days from now, a one-year service period starting the month after.
import type { NeedDraft } from "./rules.ts";
import { DAY_MS, SHANGHAI_OFFSET_MS, shanghaiDateOf } from "./time.ts";

function at17(date: Date) {
  const day = shanghaiDateOf(date);
  return new Date(day.getTime() + 17 * 3600_000 - SHANGHAI_OFFSET_MS);
}

export function emptyDraft(now: Date, contactName = ""): NeedDraft {
  const bidDeadline = at17(new Date(now.getTime() + 20 * DAY_MS));
  const startBase = new Date(bidDeadline.getTime() + 15 * DAY_MS);
  const start = new Date(Date.UTC(startBase.getUTCFullYear(), startBase.getUTCMonth() + 1, 1));
  const end = new Date(Date.UTC(start.getUTCFullYear() + 1, start.getUTCMonth(), 0));
  return {
    title: "",
    summary: "",
    description: "",
    catalogItemId: null,
    tagIds: [],
    districtCodes: [],
    streetCodes: [],
    crossDistrict: true,
    crossDistrictReason: "",
    budget: null,
    method: "OPEN_TENDER",
    minGrade: null,
    allowedKinds: [],
    requiredQualifications: [],
    minYearsRegistered: null,
    minSocialWorkers: null,
    communityPriority: false,
    enquiryDeadline: at17(new Date(now.getTime() + 10 * DAY_MS)),
    bidDeadline,
    servicePeriodStart: start,
    servicePeriodEnd: end,
    criteria: [
      { name: "价格", kind: "PRICE", weight: 30, description: "" },
      { name: "服务方案", kind: "TECHNICAL", weight: 50, description: "" },
      { name: "过往业绩", kind: "TRACK_RECORD", weight: 20, description: "" },
    ],
    contactName,
    contactPhone: "",
  };
}
