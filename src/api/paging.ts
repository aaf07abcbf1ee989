// How far a page reaches and whether there is more. The list endpoint documents `pagination`; the
// messages endpoint may leave it out, and then a full page is taken to mean there may be more.
import type { Pagination } from "./schemas.js";

export interface PageInfo {
  total: number | null;
  offset: number;
  limit: number;
  has_more: boolean;
  next_offset: number | null;
}

export function pageInfo(
  pagination: Pagination | null,
  shown: number,
  offset: number,
  limit: number,
): PageInfo {
  const total = pagination?.total ?? null;
  const hasMore =
    pagination?.has_more ?? (total !== null ? offset + shown < total : shown > 0 && shown >= limit);
  return {
    total,
    offset,
    limit,
    has_more: hasMore && shown > 0,
    next_offset: hasMore && shown > 0 ? offset + shown : null,
  };
}
