// The Add Account body ([MOCK] shape; CA publishes only the field names its errors mention):
// tenant_id, account_id, name?, contacts?: [{contact_id, type, value, is_default?}],
// devices?: [{device_id, is_default?}]. Elements inside lists are named like `contacts[1].type`.
import { isRecord, own } from '../../core/http.ts'
import { defaultForMoreThanOne, invalidInput } from './errors.ts'
import { optionalString, requiredString, type Read } from './input.ts'
import type { ContactInput, DeviceInput, NewAccount } from './store.ts'

export const MAX_FACTORS = 50
export const CONTACT_TYPES = ['email', 'mobile']

export interface AddAccountInput extends NewAccount {
  tenant_id: string
}

const bad = (element: string, reason: string): Read<never> => ({ ok: false, response: invalidInput(element), reason })

function readList<T>(
  body: Record<string, unknown>,
  element: 'contacts' | 'devices',
  readItem: (item: Record<string, unknown>, at: string) => Read<T>,
): Read<T[]> {
  const list = own(body, element)
  if (list === undefined || list === null) return { ok: true, value: [] }
  if (!Array.isArray(list)) return bad(element, `${element} is not an array`)
  if (list.length > MAX_FACTORS) return bad(element, `${element} has more than ${MAX_FACTORS} items`)
  const out: T[] = []
  for (let i = 0; i < list.length; i++) {
    const at = `${element}[${i}]`
    const item: unknown = list[i]
    if (!isRecord(item)) return bad(at, `${at} is not an object`)
    const read = readItem(item, at)
    if (!read.ok) return read
    out.push(read.value)
  }
  return { ok: true, value: out }
}

function readIsDefault(item: Record<string, unknown>, at: string): Read<boolean | undefined> {
  const v = own(item, 'is_default')
  if (v === undefined || v === null) return { ok: true, value: undefined }
  return typeof v === 'boolean' ? { ok: true, value: v } : bad(`${at}.is_default`, `${at}.is_default is not a boolean`)
}

const readContact = (item: Record<string, unknown>, at: string): Read<ContactInput> => {
  const id = requiredString(item, 'contact_id', { max: 128, label: `${at}.contact_id` })
  if (!id.ok) return id
  const type = requiredString(item, 'type', { max: 16, label: `${at}.type` })
  if (!type.ok) return type
  if (!CONTACT_TYPES.includes(type.value)) return bad(`${at}.type`, `${at}.type is not one of ${CONTACT_TYPES.join(', ')}`)
  const value = requiredString(item, 'value', { max: 256, label: `${at}.value` })
  if (!value.ok) return value
  const isDefault = readIsDefault(item, at)
  if (!isDefault.ok) return isDefault
  return {
    ok: true,
    value: { contact_id: id.value, type: type.value, value: value.value, ...(isDefault.value !== undefined ? { is_default: isDefault.value } : {}) },
  }
}

const readDevice = (item: Record<string, unknown>, at: string): Read<DeviceInput> => {
  const id = requiredString(item, 'device_id', { max: 128, label: `${at}.device_id` })
  if (!id.ok) return id
  const isDefault = readIsDefault(item, at)
  if (!isDefault.ok) return isDefault
  return { ok: true, value: { device_id: id.value, ...(isDefault.value !== undefined ? { is_default: isDefault.value } : {}) } }
}

function firstDuplicate(ids: string[]): number {
  const seen = new Set<string>()
  for (let i = 0; i < ids.length; i++) {
    if (seen.has(ids[i]!)) return i
    seen.add(ids[i]!)
  }
  return -1
}

export function readAddAccount(body: Record<string, unknown>): Read<AddAccountInput> {
  const tenant = requiredString(body, 'tenant_id', { max: 64 })
  if (!tenant.ok) return tenant
  const account = requiredString(body, 'account_id', { max: 128 })
  if (!account.ok) return account
  const name = optionalString(body, 'name', { max: 128 })
  if (!name.ok) return name
  const contacts = readList(body, 'contacts', readContact)
  if (!contacts.ok) return contacts
  const devices = readList(body, 'devices', readDevice)
  if (!devices.ok) return devices

  const dupContact = firstDuplicate(contacts.value.map((c) => c.contact_id))
  if (dupContact >= 0) return bad(`contacts[${dupContact}].contact_id`, 'contact_id repeated')
  const dupDevice = firstDuplicate(devices.value.map((d) => d.device_id))
  if (dupDevice >= 0) return bad(`devices[${dupDevice}].device_id`, 'device_id repeated')
  for (const [factor, list] of [['contact', contacts.value], ['device', devices.value]] as const) {
    if (list.filter((f) => f.is_default === true).length > 1) {
      return { ok: false, response: defaultForMoreThanOne(factor), reason: `more than one default ${factor}` }
    }
  }
  return {
    ok: true,
    value: { tenant_id: tenant.value, account_id: account.value, name: name.value ?? '', contacts: contacts.value, devices: devices.value },
  }
}
