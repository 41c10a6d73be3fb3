/**
 * Open Referral UK readers: DOM-free, for browsers and Node. They translate
 * ORUK v1.0 and v3.0 JSON into the directory contract (`src/contract/directory.ts`).
 */
export type { PageInfo, ReadResult } from './types.ts';
export { coordinatesFrom, lineText, localDate, localTime, numberFrom, plainText, safeUrl } from './sanitise.ts';
export { readV3Service, readV3ServiceAtLocationList, readV3ServiceList, readV3OrganizationList, readV3TaxonomyTermList } from './v3.ts';
export { readV1LocationList, readV1OrganizationList, readV1Service, readV1ServiceList, readV1TaxonomyTermList } from './v1.ts';
export { readFeed, readService } from './feed.ts';
export type { FeedOptions, FeedResult, ServiceResult } from './feed.ts';
export type { ReadProgress } from './feed.ts';
export { isListShape, withFullRecords } from './full-records.ts';
export type { FullRecordOptions } from './full-records.ts';
