/**
 * The one line a collector answer carries about the items it refused (OTLP
 * partial_success.error_message, or a 400's message): "rejected 3 (too_old: 2, bad_id: 1); first:
 * <the first item's problem>". OTLP gives the reasons no field of their own, so this line is the
 * contract between the collector, which writes it, and the importer, which tallies the reasons
 * from it (rejectionReasons()).
 */
export function rejectionSummary(
  total: number,
  byReason: Readonly<Record<string, number>>,
  first: string | undefined,
): string {
  if (total === 0) return '';
  const reasons = Object.entries(byReason).map(([reason, n]) => `${reason}: ${n}`);
  return `rejected ${total} (${reasons.join(', ')}); first: ${first ?? ''}`;
}

/** The counts by reason of every rejectionSummary() line in `message` (an answer may hold several). */
export function rejectionReasons(message: string): Map<string, number> {
  const byReason = new Map<string, number>();
  for (const [, reasons] of message.matchAll(/rejected \d+ \(([^)]*)\)/g)) {
    for (const [, reason, n] of reasons.matchAll(/([\w.-]+): (\d+)/g)) {
      byReason.set(reason, (byReason.get(reason) ?? 0) + Number(n));
    }
  }
  return byReason;
}
