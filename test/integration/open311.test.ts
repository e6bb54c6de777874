/**
 * The Open311 GeoReport v2 export, through the real command line on a demo community's reports, validated against
 * the GeoReport v2 field lists (https://wiki.open311.org/GeoReport_v2): every field each document names, of its type,
 * statuses open or closed, times in ISO 8601 with the zone's offset, each request's service among the services.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FakeAdapter } from "../support/fake-adapter.ts";
import { T0, demoApp, message, say, useTempDatabase } from "../support/app.ts";
import { runTool } from "../support/console-run.ts";

const db = useTempDatabase();

/** GeoReport v2 "GET Service Requests": each field of a request, and the JSON types it may take. */
const REQUEST_FIELDS: Record<string, string[]> = {
  service_request_id: ["string"],
  status: ["string"],
  status_notes: ["string", "null"],
  service_name: ["string"],
  service_code: ["string"],
  description: ["string"],
  agency_responsible: ["string", "null"],
  service_notice: ["string", "null"],
  requested_datetime: ["string"],
  updated_datetime: ["string"],
  expected_datetime: ["string", "null"],
  address: ["string", "null"],
  address_id: ["string", "null"],
  zipcode: ["string", "null"],
  lat: ["number", "null"],
  long: ["number", "null"],
  media_url: ["string", "null"],
};

/** GeoReport v2 "GET Service List": each field of a service. */
const SERVICE_FIELDS: Record<string, string[]> = {
  service_code: ["string"],
  service_name: ["string"],
  description: ["string"],
  metadata: ["boolean"],
  type: ["string"],
  keywords: ["string"],
  group: ["string"],
};

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/u;

function typeOf(value: unknown): string {
  return value === null ? "null" : typeof value;
}

function expectShape(row: Record<string, unknown>, fields: Record<string, string[]>) {
  expect(Object.keys(row).sort()).toEqual(Object.keys(fields).sort());
  for (const [field, types] of Object.entries(fields)) expect(types, `${field}: ${JSON.stringify(row[field])}`).toContain(typeOf(row[field]));
}

describe("the Open311 export", () => {
  it("writes requests.json and services.json in the GeoReport v2 shape, for coordinators only", async () => {
    const { app, adapter } = await demoApp(db.url, new FakeAdapter());
    const group = (person: string, text: string) => message("3栋邻里群", person, text);
    await say(app, adapter, group("王秀英", "3栋4楼楼道灯坏了，我家302门口最黑，电话13800000001"));
    await say(app, adapter, group("李奶奶", "3栋4楼的灯还是不亮"));
    await say(app, adapter, group("赵老师", "电梯又坏了，老人上不去楼"));
    await say(app, adapter, group("张阿姨", "北门那棵大树有根树枝断了"));
    app.clock.set(new Date(T0.getTime() + 3_600_000));
    await say(app, adapter, message(null, "周大姐", "/工单 1 已修复 换了灯泡"), message(null, "周大姐", "/工单 3 不归我们管 请联系电梯维保公司"));
    await app.close();
    const file = db.url.replace(/^file:/u, "");
    const out = mkdtempSync(join(tmpdir(), "open311-"));
    try {
      expect(runTool(file, "export", ["open311", "--as", "王秀英", "--out", out]).code).toBe(1);
      const run = runTool(file, "export", ["open311", "--as", "孙主任", "--out", out]);
      expect(run.code).toBe(0);
      expect(run.stdout[0]).toBe(`3 service requests in ${join(out, "requests.json")}, 8 services in ${join(out, "services.json")}`);
      const requests = JSON.parse(readFileSync(join(out, "requests.json"), "utf8")) as Array<Record<string, unknown>>;
      const services = JSON.parse(readFileSync(join(out, "services.json"), "utf8")) as Array<Record<string, unknown>>;
      for (const service of services) {
        expectShape(service, SERVICE_FIELDS);
        expect(["realtime", "batch", "blackbox"]).toContain(service.type);
      }
      const codes = services.map((service) => service.service_code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const request of requests) {
        expectShape(request, REQUEST_FIELDS);
        expect(["open", "closed"]).toContain(request.status);
        expect(request.requested_datetime).toMatch(ISO_WITH_OFFSET);
        expect(request.updated_datetime).toMatch(ISO_WITH_OFFSET);
        expect(codes).toContain(request.service_code);
      }
      // The duplicate counts in the first report; it is not a request of its own.
      expect(requests.map((request) => [request.service_request_id, request.service_code, request.status, request.status_notes, request.address])).toEqual([
        ["1", "light", "closed", "已修复: 换了灯泡", "幸福里社区 3栋4楼"],
        ["3", "lift", "closed", "不归社区管: 请联系电梯维保公司", "幸福里社区 3栋"],
        ["4", "greenery", "open", "待处理", "幸福里社区 北门"],
      ]);
      expect(requests[0]).toMatchObject({ requested_datetime: "2026-11-25T10:00:00+08:00", updated_datetime: "2026-11-25T11:00:00+08:00" });
      expect(requests[1]!.agency_responsible).toBe("请联系电梯维保公司");
      // Nothing private leaves the community: no room, no phone, no reporter.
      const text = JSON.stringify(requests);
      for (const secret of ["302", "13800000001", "王秀英", "李奶奶"]) expect(text).not.toContain(secret);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
