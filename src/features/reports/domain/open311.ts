/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): a community's reports as a city system takes them in,
 * `GET requests.json` and `GET services.json` as files. Each report is a service request of its kind's service; its
 * status is open or closed, its status notes say our state and its note. Nothing private: the description is given
 * without rooms and phone numbers, and no reporter is named. Pure.
 */
import type { ReportKind, ReportState } from "./states.ts";
import { REPORT_KINDS, open311Status } from "./states.ts";
import { offsetMinutes } from "../../../kernel/zoned-time.ts";

/** A service request as GeoReport v2 lists it (the fields a city system reads; optional ones we cannot fill are null). */
export interface Open311Request {
  service_request_id: string;
  status: "open" | "closed";
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

/** A service as GeoReport v2 lists it. */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: "realtime" | "batch" | "blackbox";
  keywords: string;
  group: string;
}

/** A report as the export reads it. */
export interface ExportedReport {
  id: number;
  kind: ReportKind;
  state: ReportState;
  stateNote: string | null;
  description: string;
  reporterName: string;
  place: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** How the export names things: the services' names, the states', the community's, and a description made safe. */
export interface Open311Naming {
  communityName: string;
  timeZone: string;
  kindName: (kind: ReportKind) => string;
  stateName: (state: ReportState) => string;
  /** The description without private details (its reporter's name among them). */
  safe: (text: string, reporterName: string) => string;
}

/** The services: one per report kind. */
export function open311Services(naming: Open311Naming): Open311Service[] {
  return REPORT_KINDS.map((kind) => ({
    service_code: kind,
    service_name: naming.kindName(kind),
    description: `${naming.communityName}: ${naming.kindName(kind)}`,
    metadata: false,
    type: "batch",
    keywords: kind,
    group: naming.communityName,
  }));
}

/** The service requests, one per report (duplicates are counted in the report they repeat, not listed). */
export function open311Requests(reports: readonly ExportedReport[], naming: Open311Naming): Open311Request[] {
  return reports.map((report) => ({
    service_request_id: String(report.id),
    status: open311Status(report.state),
    status_notes: [naming.stateName(report.state), report.stateNote].filter(Boolean).join(": ") || null,
    service_name: naming.kindName(report.kind),
    service_code: report.kind,
    description: naming.safe(report.description, report.reporterName),
    agency_responsible: report.state === "referred" ? report.stateNote : null,
    service_notice: null,
    requested_datetime: isoWithOffset(report.createdAt, naming.timeZone),
    updated_datetime: isoWithOffset(report.updatedAt, naming.timeZone),
    expected_datetime: null,
    address: report.place ? `${naming.communityName} ${report.place}` : null,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  }));
}

/** "2026-11-25T10:00:00+08:00": ISO 8601 in the community's zone, as GeoReport v2 writes times. */
export function isoWithOffset(instant: Date, timeZone: string): string {
  const offset = offsetMinutes(instant, timeZone);
  const local = new Date(Math.floor(instant.getTime() / 1000) * 1000 + offset * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(offset);
  return `${local}${offset < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
