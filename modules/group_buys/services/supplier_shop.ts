import { shopsOf, storefrontPath, verifiedShopName } from '#modules/organisations/index'
import { GroupBuyRefusal } from '#modules/group_buys/services/errors'

/** The verified shops a resident belongs to: the suppliers they may name. */
export async function supplierShopChoices(userId: number): Promise<{ id: number; name: string }[]> {
  const shops = await shopsOf(userId)
  return shops.filter((shop) => shop.verified).map(({ id, name }) => ({ id, name }))
}

/**
 * A campaign's supplier shop must be a verified shop the organiser is a
 * member of (read before the campaign's transaction: organisations are
 * another module's rows). Anything else: 422 beside the field.
 */
export async function assertSupplierShop(userId: number, shopId: number | null): Promise<void> {
  if (shopId === null) return
  const shops = await supplierShopChoices(userId)
  if (!shops.some((shop) => shop.id === shopId)) {
    throw new GroupBuyRefusal('not_shop_member', 422, {}, 'supplier_shop_id')
  }
}

/** The supplier shop as the campaign page links it (its name, its storefront), once verified. */
export async function supplierShopLink(
  shopId: number | null
): Promise<{ name: string; path: string } | null> {
  if (shopId === null) return null
  const name = await verifiedShopName(shopId)
  return name ? { name, path: storefrontPath(shopId) } : null
}
