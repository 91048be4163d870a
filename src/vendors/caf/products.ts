// The products a CAF Mobile Key can be linked to. CAF's Trust UI lets you pick them when you
// create a key but publishes no list; these are the names its SDKs and error tables use.
export const PRODUCTS = [
  'DocumentDetector',
  'PassiveFaceLiveness',
  'FaceAuthenticator',
  'FaceLiveness',
  'AddressCheck',
  'SmartAuth',
  'Identity',
  'CafSDK',
] as const

export type Product = (typeof PRODUCTS)[number]

export function isProduct(value: unknown): value is Product {
  return typeof value === 'string' && (PRODUCTS as readonly string[]).includes(value)
}
