/* eslint-disable eslint-comments/disable-enable-pair */
/* eslint-disable eslint-comments/no-unlimited-disable */
/* eslint-disable */
import type * as AdminTypes from './admin.types.js';

export type CustomerFieldsFragment = (
  Pick<AdminTypes.Customer, 'id' | 'firstName' | 'lastName' | 'email' | 'phone' | 'state' | 'tags' | 'numberOfOrders' | 'createdAt' | 'updatedAt'>
  & { amountSpent: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }
);

export type ProductFieldsFragment = Pick<AdminTypes.Product, 'id' | 'title' | 'handle' | 'status' | 'vendor' | 'productType' | 'createdAt' | 'updatedAt'>;

export type VariantFieldsFragment = Pick<AdminTypes.ProductVariant, 'id' | 'title' | 'sku' | 'price'>;

export type OrderFieldsFragment = (
  Pick<AdminTypes.Order, 'id' | 'name' | 'email' | 'createdAt' | 'processedAt' | 'updatedAt' | 'cancelledAt' | 'test' | 'currencyCode' | 'presentmentCurrencyCode'>
  & { customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'id'>>, totalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, subtotalPriceSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }>, totalDiscountsSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }>, totalTaxSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }>, totalShippingPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalRefundedSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
);

export type LineItemFieldsFragment = (
  Pick<AdminTypes.LineItem, 'id' | 'title' | 'sku' | 'quantity' | 'isGiftCard'>
  & { originalUnitPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, discountAllocations: Array<{ allocatedAmountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }>, product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>>, variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>> }
);

export type RefundFieldsFragment = Pick<AdminTypes.Refund, 'id' | 'createdAt' | 'note'>;

export type RefundLineItemFieldsFragment = (
  Pick<AdminTypes.RefundLineItem, 'id' | 'quantity'>
  & { lineItem: Pick<AdminTypes.LineItem, 'id'>, subtotalSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
);

export type RefundShippingLineFieldsFragment = (
  Pick<AdminTypes.RefundShippingLine, 'id'>
  & { subtotalAmountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, taxAmountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
);

type AgreementFields_OrderAgreement_Fragment = (
  { __typename: 'OrderAgreement' }
  & Pick<AdminTypes.OrderAgreement, 'id' | 'happenedAt'>
);

type AgreementFields_OrderEditAgreement_Fragment = (
  { __typename: 'OrderEditAgreement' }
  & Pick<AdminTypes.OrderEditAgreement, 'id' | 'happenedAt'>
);

type AgreementFields_RefundAgreement_Fragment = (
  { __typename: 'RefundAgreement' }
  & Pick<AdminTypes.RefundAgreement, 'id' | 'happenedAt'>
);

type AgreementFields_ReturnAgreement_Fragment = (
  { __typename: 'ReturnAgreement' }
  & Pick<AdminTypes.ReturnAgreement, 'id' | 'happenedAt'>
);

export type AgreementFieldsFragment = AgreementFields_OrderAgreement_Fragment | AgreementFields_OrderEditAgreement_Fragment | AgreementFields_RefundAgreement_Fragment | AgreementFields_ReturnAgreement_Fragment;

type SaleFields_AdditionalFeeSale_Fragment = (
  { __typename: 'AdditionalFeeSale' }
  & Pick<AdminTypes.AdditionalFeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
  & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
);

type SaleFields_AdjustmentSale_Fragment = (
  { __typename: 'AdjustmentSale' }
  & Pick<AdminTypes.AdjustmentSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
  & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
);

type SaleFields_DutySale_Fragment = (
  { __typename: 'DutySale' }
  & Pick<AdminTypes.DutySale, 'id' | 'actionType' | 'lineType' | 'quantity'>
  & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
);

type SaleFields_FeeSale_Fragment = (
  { __typename: 'FeeSale' }
  & Pick<AdminTypes.FeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
  & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
);

type SaleFields_GiftCardSale_Fragment = (
  { __typename: 'GiftCardSale' }
  & Pick<AdminTypes.GiftCardSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
  & { lineItem: (
    Pick<AdminTypes.LineItem, 'id'>
    & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
  ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
);

type SaleFields_ProductSale_Fragment = (
  { __typename: 'ProductSale' }
  & Pick<AdminTypes.ProductSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
  & { lineItem: (
    Pick<AdminTypes.LineItem, 'id'>
    & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
  ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
);

type SaleFields_ShippingLineSale_Fragment = (
  { __typename: 'ShippingLineSale' }
  & Pick<AdminTypes.ShippingLineSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
  & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
);

type SaleFields_TipSale_Fragment = (
  { __typename: 'TipSale' }
  & Pick<AdminTypes.TipSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
  & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
);

type SaleFields_UnknownSale_Fragment = (
  { __typename: 'UnknownSale' }
  & Pick<AdminTypes.UnknownSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
  & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
);

export type SaleFieldsFragment = SaleFields_AdditionalFeeSale_Fragment | SaleFields_AdjustmentSale_Fragment | SaleFields_DutySale_Fragment | SaleFields_FeeSale_Fragment | SaleFields_GiftCardSale_Fragment | SaleFields_ProductSale_Fragment | SaleFields_ShippingLineSale_Fragment | SaleFields_TipSale_Fragment | SaleFields_UnknownSale_Fragment;

export type StorepulseShopQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type StorepulseShopQuery = { shop: (
    Pick<AdminTypes.Shop, 'name' | 'email' | 'myshopifyDomain' | 'currencyCode' | 'ianaTimezone'>
    & { plan: Pick<AdminTypes.ShopPlan, 'displayName' | 'publicDisplayName' | 'shopifyPlus' | 'partnerDevelopment'> }
  ) };

export type StorepulseBulkCustomersQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type StorepulseBulkCustomersQuery = { customers: { edges: Array<{ node: (
        Pick<AdminTypes.Customer, 'id' | 'firstName' | 'lastName' | 'email' | 'phone' | 'state' | 'tags' | 'numberOfOrders' | 'createdAt' | 'updatedAt'>
        & { amountSpent: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }
      ) }> } };

export type StorepulseBulkProductsQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type StorepulseBulkProductsQuery = { products: { edges: Array<{ node: (
        Pick<AdminTypes.Product, 'id' | 'title' | 'handle' | 'status' | 'vendor' | 'productType' | 'createdAt' | 'updatedAt'>
        & { variants: { edges: Array<{ node: Pick<AdminTypes.ProductVariant, 'id' | 'title' | 'sku' | 'price'> }> } }
      ) }> } };

export type StorepulseBulkOrdersQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type StorepulseBulkOrdersQuery = { orders: { edges: Array<{ node: (
        Pick<AdminTypes.Order, 'id' | 'name' | 'email' | 'createdAt' | 'processedAt' | 'updatedAt' | 'cancelledAt' | 'test' | 'currencyCode' | 'presentmentCurrencyCode'>
        & { lineItems: { edges: Array<{ node: (
              Pick<AdminTypes.LineItem, 'id' | 'title' | 'sku' | 'quantity' | 'isGiftCard'>
              & { originalUnitPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, discountAllocations: Array<{ allocatedAmountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }>, product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>>, variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>> }
            ) }> }, refunds: Array<Pick<AdminTypes.Refund, 'id' | 'createdAt' | 'note'>>, agreements: { edges: Array<{ node: (
              { __typename: 'OrderAgreement' }
              & Pick<AdminTypes.OrderAgreement, 'id' | 'happenedAt'>
              & { sales: { edges: Array<{ node: (
                    { __typename: 'AdditionalFeeSale' }
                    & Pick<AdminTypes.AdditionalFeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'AdjustmentSale' }
                    & Pick<AdminTypes.AdjustmentSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'DutySale' }
                    & Pick<AdminTypes.DutySale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'FeeSale' }
                    & Pick<AdminTypes.FeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'GiftCardSale' }
                    & Pick<AdminTypes.GiftCardSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { lineItem: (
                      Pick<AdminTypes.LineItem, 'id'>
                      & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
                    ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'ProductSale' }
                    & Pick<AdminTypes.ProductSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { lineItem: (
                      Pick<AdminTypes.LineItem, 'id'>
                      & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
                    ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'ShippingLineSale' }
                    & Pick<AdminTypes.ShippingLineSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'TipSale' }
                    & Pick<AdminTypes.TipSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'UnknownSale' }
                    & Pick<AdminTypes.UnknownSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) }> } }
            ) | (
              { __typename: 'OrderEditAgreement' }
              & Pick<AdminTypes.OrderEditAgreement, 'id' | 'happenedAt'>
              & { sales: { edges: Array<{ node: (
                    { __typename: 'AdditionalFeeSale' }
                    & Pick<AdminTypes.AdditionalFeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'AdjustmentSale' }
                    & Pick<AdminTypes.AdjustmentSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'DutySale' }
                    & Pick<AdminTypes.DutySale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'FeeSale' }
                    & Pick<AdminTypes.FeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'GiftCardSale' }
                    & Pick<AdminTypes.GiftCardSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { lineItem: (
                      Pick<AdminTypes.LineItem, 'id'>
                      & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
                    ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'ProductSale' }
                    & Pick<AdminTypes.ProductSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { lineItem: (
                      Pick<AdminTypes.LineItem, 'id'>
                      & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
                    ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'ShippingLineSale' }
                    & Pick<AdminTypes.ShippingLineSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'TipSale' }
                    & Pick<AdminTypes.TipSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'UnknownSale' }
                    & Pick<AdminTypes.UnknownSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) }> } }
            ) | (
              { __typename: 'RefundAgreement' }
              & Pick<AdminTypes.RefundAgreement, 'id' | 'happenedAt'>
              & { sales: { edges: Array<{ node: (
                    { __typename: 'AdditionalFeeSale' }
                    & Pick<AdminTypes.AdditionalFeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'AdjustmentSale' }
                    & Pick<AdminTypes.AdjustmentSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'DutySale' }
                    & Pick<AdminTypes.DutySale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'FeeSale' }
                    & Pick<AdminTypes.FeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'GiftCardSale' }
                    & Pick<AdminTypes.GiftCardSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { lineItem: (
                      Pick<AdminTypes.LineItem, 'id'>
                      & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
                    ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'ProductSale' }
                    & Pick<AdminTypes.ProductSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { lineItem: (
                      Pick<AdminTypes.LineItem, 'id'>
                      & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
                    ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'ShippingLineSale' }
                    & Pick<AdminTypes.ShippingLineSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'TipSale' }
                    & Pick<AdminTypes.TipSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'UnknownSale' }
                    & Pick<AdminTypes.UnknownSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) }> } }
            ) | (
              { __typename: 'ReturnAgreement' }
              & Pick<AdminTypes.ReturnAgreement, 'id' | 'happenedAt'>
              & { sales: { edges: Array<{ node: (
                    { __typename: 'AdditionalFeeSale' }
                    & Pick<AdminTypes.AdditionalFeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'AdjustmentSale' }
                    & Pick<AdminTypes.AdjustmentSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'DutySale' }
                    & Pick<AdminTypes.DutySale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'FeeSale' }
                    & Pick<AdminTypes.FeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'GiftCardSale' }
                    & Pick<AdminTypes.GiftCardSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { lineItem: (
                      Pick<AdminTypes.LineItem, 'id'>
                      & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
                    ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'ProductSale' }
                    & Pick<AdminTypes.ProductSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { lineItem: (
                      Pick<AdminTypes.LineItem, 'id'>
                      & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
                    ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'ShippingLineSale' }
                    & Pick<AdminTypes.ShippingLineSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'TipSale' }
                    & Pick<AdminTypes.TipSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'UnknownSale' }
                    & Pick<AdminTypes.UnknownSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) }> } }
            ) }> }, customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'id'>>, totalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, subtotalPriceSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }>, totalDiscountsSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }>, totalTaxSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }>, totalShippingPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalRefundedSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
      ) }> } };

export type StorepulseBulkRunMutationVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
}>;


export type StorepulseBulkRunMutation = { bulkOperationRunQuery?: AdminTypes.Maybe<{ bulkOperation?: AdminTypes.Maybe<Pick<AdminTypes.BulkOperation, 'id' | 'status' | 'createdAt'>>, userErrors: Array<Pick<AdminTypes.BulkOperationUserError, 'field' | 'message' | 'code'>> }> };

export type StorepulseBulkOperationQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type StorepulseBulkOperationQuery = { bulkOperation?: AdminTypes.Maybe<Pick<AdminTypes.BulkOperation, 'id' | 'status' | 'errorCode' | 'createdAt' | 'completedAt' | 'objectCount' | 'rootObjectCount' | 'fileSize' | 'url' | 'partialDataUrl'>> };

export type StorepulseBulkCancelMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type StorepulseBulkCancelMutation = { bulkOperationCancel?: AdminTypes.Maybe<{ bulkOperation?: AdminTypes.Maybe<Pick<AdminTypes.BulkOperation, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type OrderLedgerFirstPageFragment = { agreements: { edges: Array<(
      Pick<AdminTypes.SalesAgreementEdge, 'cursor'>
      & { node: (
        { __typename: 'OrderAgreement' }
        & Pick<AdminTypes.OrderAgreement, 'id' | 'happenedAt'>
        & { sales: { nodes: Array<(
            { __typename: 'AdditionalFeeSale' }
            & Pick<AdminTypes.AdditionalFeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'AdjustmentSale' }
            & Pick<AdminTypes.AdjustmentSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'DutySale' }
            & Pick<AdminTypes.DutySale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'FeeSale' }
            & Pick<AdminTypes.FeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'GiftCardSale' }
            & Pick<AdminTypes.GiftCardSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { lineItem: (
              Pick<AdminTypes.LineItem, 'id'>
              & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
            ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'ProductSale' }
            & Pick<AdminTypes.ProductSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { lineItem: (
              Pick<AdminTypes.LineItem, 'id'>
              & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
            ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'ShippingLineSale' }
            & Pick<AdminTypes.ShippingLineSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'TipSale' }
            & Pick<AdminTypes.TipSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'UnknownSale' }
            & Pick<AdminTypes.UnknownSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
      ) | (
        { __typename: 'OrderEditAgreement' }
        & Pick<AdminTypes.OrderEditAgreement, 'id' | 'happenedAt'>
        & { sales: { nodes: Array<(
            { __typename: 'AdditionalFeeSale' }
            & Pick<AdminTypes.AdditionalFeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'AdjustmentSale' }
            & Pick<AdminTypes.AdjustmentSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'DutySale' }
            & Pick<AdminTypes.DutySale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'FeeSale' }
            & Pick<AdminTypes.FeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'GiftCardSale' }
            & Pick<AdminTypes.GiftCardSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { lineItem: (
              Pick<AdminTypes.LineItem, 'id'>
              & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
            ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'ProductSale' }
            & Pick<AdminTypes.ProductSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { lineItem: (
              Pick<AdminTypes.LineItem, 'id'>
              & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
            ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'ShippingLineSale' }
            & Pick<AdminTypes.ShippingLineSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'TipSale' }
            & Pick<AdminTypes.TipSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'UnknownSale' }
            & Pick<AdminTypes.UnknownSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
      ) | (
        { __typename: 'RefundAgreement' }
        & Pick<AdminTypes.RefundAgreement, 'id' | 'happenedAt'>
        & { sales: { nodes: Array<(
            { __typename: 'AdditionalFeeSale' }
            & Pick<AdminTypes.AdditionalFeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'AdjustmentSale' }
            & Pick<AdminTypes.AdjustmentSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'DutySale' }
            & Pick<AdminTypes.DutySale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'FeeSale' }
            & Pick<AdminTypes.FeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'GiftCardSale' }
            & Pick<AdminTypes.GiftCardSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { lineItem: (
              Pick<AdminTypes.LineItem, 'id'>
              & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
            ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'ProductSale' }
            & Pick<AdminTypes.ProductSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { lineItem: (
              Pick<AdminTypes.LineItem, 'id'>
              & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
            ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'ShippingLineSale' }
            & Pick<AdminTypes.ShippingLineSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'TipSale' }
            & Pick<AdminTypes.TipSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'UnknownSale' }
            & Pick<AdminTypes.UnknownSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
      ) | (
        { __typename: 'ReturnAgreement' }
        & Pick<AdminTypes.ReturnAgreement, 'id' | 'happenedAt'>
        & { sales: { nodes: Array<(
            { __typename: 'AdditionalFeeSale' }
            & Pick<AdminTypes.AdditionalFeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'AdjustmentSale' }
            & Pick<AdminTypes.AdjustmentSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'DutySale' }
            & Pick<AdminTypes.DutySale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'FeeSale' }
            & Pick<AdminTypes.FeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'GiftCardSale' }
            & Pick<AdminTypes.GiftCardSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { lineItem: (
              Pick<AdminTypes.LineItem, 'id'>
              & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
            ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'ProductSale' }
            & Pick<AdminTypes.ProductSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { lineItem: (
              Pick<AdminTypes.LineItem, 'id'>
              & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
            ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'ShippingLineSale' }
            & Pick<AdminTypes.ShippingLineSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'TipSale' }
            & Pick<AdminTypes.TipSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'UnknownSale' }
            & Pick<AdminTypes.UnknownSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
      ) }
    )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } };

export type StorepulseCustomersPageQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type StorepulseCustomersPageQuery = { customers: { nodes: Array<(
      Pick<AdminTypes.Customer, 'id' | 'firstName' | 'lastName' | 'email' | 'phone' | 'state' | 'tags' | 'numberOfOrders' | 'createdAt' | 'updatedAt'>
      & { amountSpent: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }
    )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } };

export type StorepulseProductsPageQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type StorepulseProductsPageQuery = { products: { nodes: Array<(
      Pick<AdminTypes.Product, 'id' | 'title' | 'handle' | 'status' | 'vendor' | 'productType' | 'createdAt' | 'updatedAt'>
      & { variants: { nodes: Array<Pick<AdminTypes.ProductVariant, 'id' | 'title' | 'sku' | 'price'>>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
    )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } };

export type StorepulseOrdersPageQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type StorepulseOrdersPageQuery = { orders: { nodes: Array<(
      Pick<AdminTypes.Order, 'id' | 'name' | 'email' | 'createdAt' | 'processedAt' | 'updatedAt' | 'cancelledAt' | 'test' | 'currencyCode' | 'presentmentCurrencyCode'>
      & { lineItems: { nodes: Array<(
          Pick<AdminTypes.LineItem, 'id' | 'title' | 'sku' | 'quantity' | 'isGiftCard'>
          & { originalUnitPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, discountAllocations: Array<{ allocatedAmountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }>, product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>>, variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>> }
        )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> }, refunds: Array<(
        Pick<AdminTypes.Refund, 'id' | 'createdAt' | 'note'>
        & { refundLineItems: { nodes: Array<(
            Pick<AdminTypes.RefundLineItem, 'id' | 'quantity'>
            & { lineItem: Pick<AdminTypes.LineItem, 'id'>, subtotalSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> }, refundShippingLines: { nodes: Array<(
            Pick<AdminTypes.RefundShippingLine, 'id'>
            & { subtotalAmountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, taxAmountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
      )>, customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'id'>>, totalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, subtotalPriceSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }>, totalDiscountsSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }>, totalTaxSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }>, totalShippingPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalRefundedSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, agreements: { edges: Array<(
          Pick<AdminTypes.SalesAgreementEdge, 'cursor'>
          & { node: (
            { __typename: 'OrderAgreement' }
            & Pick<AdminTypes.OrderAgreement, 'id' | 'happenedAt'>
            & { sales: { nodes: Array<(
                { __typename: 'AdditionalFeeSale' }
                & Pick<AdminTypes.AdditionalFeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'AdjustmentSale' }
                & Pick<AdminTypes.AdjustmentSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'DutySale' }
                & Pick<AdminTypes.DutySale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'FeeSale' }
                & Pick<AdminTypes.FeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'GiftCardSale' }
                & Pick<AdminTypes.GiftCardSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { lineItem: (
                  Pick<AdminTypes.LineItem, 'id'>
                  & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
                ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'ProductSale' }
                & Pick<AdminTypes.ProductSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { lineItem: (
                  Pick<AdminTypes.LineItem, 'id'>
                  & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
                ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'ShippingLineSale' }
                & Pick<AdminTypes.ShippingLineSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'TipSale' }
                & Pick<AdminTypes.TipSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'UnknownSale' }
                & Pick<AdminTypes.UnknownSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
          ) | (
            { __typename: 'OrderEditAgreement' }
            & Pick<AdminTypes.OrderEditAgreement, 'id' | 'happenedAt'>
            & { sales: { nodes: Array<(
                { __typename: 'AdditionalFeeSale' }
                & Pick<AdminTypes.AdditionalFeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'AdjustmentSale' }
                & Pick<AdminTypes.AdjustmentSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'DutySale' }
                & Pick<AdminTypes.DutySale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'FeeSale' }
                & Pick<AdminTypes.FeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'GiftCardSale' }
                & Pick<AdminTypes.GiftCardSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { lineItem: (
                  Pick<AdminTypes.LineItem, 'id'>
                  & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
                ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'ProductSale' }
                & Pick<AdminTypes.ProductSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { lineItem: (
                  Pick<AdminTypes.LineItem, 'id'>
                  & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
                ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'ShippingLineSale' }
                & Pick<AdminTypes.ShippingLineSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'TipSale' }
                & Pick<AdminTypes.TipSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'UnknownSale' }
                & Pick<AdminTypes.UnknownSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
          ) | (
            { __typename: 'RefundAgreement' }
            & Pick<AdminTypes.RefundAgreement, 'id' | 'happenedAt'>
            & { sales: { nodes: Array<(
                { __typename: 'AdditionalFeeSale' }
                & Pick<AdminTypes.AdditionalFeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'AdjustmentSale' }
                & Pick<AdminTypes.AdjustmentSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'DutySale' }
                & Pick<AdminTypes.DutySale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'FeeSale' }
                & Pick<AdminTypes.FeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'GiftCardSale' }
                & Pick<AdminTypes.GiftCardSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { lineItem: (
                  Pick<AdminTypes.LineItem, 'id'>
                  & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
                ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'ProductSale' }
                & Pick<AdminTypes.ProductSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { lineItem: (
                  Pick<AdminTypes.LineItem, 'id'>
                  & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
                ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'ShippingLineSale' }
                & Pick<AdminTypes.ShippingLineSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'TipSale' }
                & Pick<AdminTypes.TipSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'UnknownSale' }
                & Pick<AdminTypes.UnknownSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
          ) | (
            { __typename: 'ReturnAgreement' }
            & Pick<AdminTypes.ReturnAgreement, 'id' | 'happenedAt'>
            & { sales: { nodes: Array<(
                { __typename: 'AdditionalFeeSale' }
                & Pick<AdminTypes.AdditionalFeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'AdjustmentSale' }
                & Pick<AdminTypes.AdjustmentSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'DutySale' }
                & Pick<AdminTypes.DutySale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'FeeSale' }
                & Pick<AdminTypes.FeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'GiftCardSale' }
                & Pick<AdminTypes.GiftCardSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { lineItem: (
                  Pick<AdminTypes.LineItem, 'id'>
                  & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
                ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'ProductSale' }
                & Pick<AdminTypes.ProductSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { lineItem: (
                  Pick<AdminTypes.LineItem, 'id'>
                  & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
                ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'ShippingLineSale' }
                & Pick<AdminTypes.ShippingLineSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'TipSale' }
                & Pick<AdminTypes.TipSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              ) | (
                { __typename: 'UnknownSale' }
                & Pick<AdminTypes.UnknownSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
              )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
          ) }
        )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
    )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } };

export type StorepulseProductVariantsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type StorepulseProductVariantsQuery = { product?: AdminTypes.Maybe<{ variants: { nodes: Array<Pick<AdminTypes.ProductVariant, 'id' | 'title' | 'sku' | 'price'>>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }> };

export type StorepulseOrderLineItemsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type StorepulseOrderLineItemsQuery = { order?: AdminTypes.Maybe<{ lineItems: { nodes: Array<(
        Pick<AdminTypes.LineItem, 'id' | 'title' | 'sku' | 'quantity' | 'isGiftCard'>
        & { originalUnitPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, discountAllocations: Array<{ allocatedAmountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }>, product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>>, variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>> }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }> };

export type StorepulseOrderRefundsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type StorepulseOrderRefundsQuery = { order?: AdminTypes.Maybe<{ refunds: Array<(
      Pick<AdminTypes.Refund, 'id' | 'createdAt' | 'note'>
      & { refundLineItems: { nodes: Array<(
          Pick<AdminTypes.RefundLineItem, 'id' | 'quantity'>
          & { lineItem: Pick<AdminTypes.LineItem, 'id'>, subtotalSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
        )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> }, refundShippingLines: { nodes: Array<(
          Pick<AdminTypes.RefundShippingLine, 'id'>
          & { subtotalAmountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, taxAmountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
        )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
    )> }> };

export type StorepulseOrderRefundDetailsQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type StorepulseOrderRefundDetailsQuery = { nodes: Array<AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id'>
    & { refunds: Array<(
      Pick<AdminTypes.Refund, 'id' | 'createdAt' | 'note'>
      & { refundLineItems: { nodes: Array<(
          Pick<AdminTypes.RefundLineItem, 'id' | 'quantity'>
          & { lineItem: Pick<AdminTypes.LineItem, 'id'>, subtotalSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
        )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> }, refundShippingLines: { nodes: Array<(
          Pick<AdminTypes.RefundShippingLine, 'id'>
          & { subtotalAmountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, taxAmountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
        )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
    )> }
  )>> };

export type StorepulseRefundLinesQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  linesAfter?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  shippingAfter?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type StorepulseRefundLinesQuery = { node?: AdminTypes.Maybe<(
    Pick<AdminTypes.Refund, 'id' | 'createdAt' | 'note'>
    & { refundLineItems: { nodes: Array<(
        Pick<AdminTypes.RefundLineItem, 'id' | 'quantity'>
        & { lineItem: Pick<AdminTypes.LineItem, 'id'>, subtotalSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> }, refundShippingLines: { nodes: Array<(
        Pick<AdminTypes.RefundShippingLine, 'id'>
        & { subtotalAmountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, taxAmountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
  )> };

export type StorepulseOrderAgreementsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type StorepulseOrderAgreementsQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id'>
    & { agreements: { edges: Array<(
        Pick<AdminTypes.SalesAgreementEdge, 'cursor'>
        & { node: (
          { __typename: 'OrderAgreement' }
          & Pick<AdminTypes.OrderAgreement, 'id' | 'happenedAt'>
          & { sales: { nodes: Array<(
              { __typename: 'AdditionalFeeSale' }
              & Pick<AdminTypes.AdditionalFeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'AdjustmentSale' }
              & Pick<AdminTypes.AdjustmentSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'DutySale' }
              & Pick<AdminTypes.DutySale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'FeeSale' }
              & Pick<AdminTypes.FeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'GiftCardSale' }
              & Pick<AdminTypes.GiftCardSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { lineItem: (
                Pick<AdminTypes.LineItem, 'id'>
                & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
              ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'ProductSale' }
              & Pick<AdminTypes.ProductSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { lineItem: (
                Pick<AdminTypes.LineItem, 'id'>
                & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
              ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'ShippingLineSale' }
              & Pick<AdminTypes.ShippingLineSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'TipSale' }
              & Pick<AdminTypes.TipSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'UnknownSale' }
              & Pick<AdminTypes.UnknownSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
        ) | (
          { __typename: 'OrderEditAgreement' }
          & Pick<AdminTypes.OrderEditAgreement, 'id' | 'happenedAt'>
          & { sales: { nodes: Array<(
              { __typename: 'AdditionalFeeSale' }
              & Pick<AdminTypes.AdditionalFeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'AdjustmentSale' }
              & Pick<AdminTypes.AdjustmentSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'DutySale' }
              & Pick<AdminTypes.DutySale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'FeeSale' }
              & Pick<AdminTypes.FeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'GiftCardSale' }
              & Pick<AdminTypes.GiftCardSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { lineItem: (
                Pick<AdminTypes.LineItem, 'id'>
                & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
              ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'ProductSale' }
              & Pick<AdminTypes.ProductSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { lineItem: (
                Pick<AdminTypes.LineItem, 'id'>
                & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
              ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'ShippingLineSale' }
              & Pick<AdminTypes.ShippingLineSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'TipSale' }
              & Pick<AdminTypes.TipSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'UnknownSale' }
              & Pick<AdminTypes.UnknownSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
        ) | (
          { __typename: 'RefundAgreement' }
          & Pick<AdminTypes.RefundAgreement, 'id' | 'happenedAt'>
          & { sales: { nodes: Array<(
              { __typename: 'AdditionalFeeSale' }
              & Pick<AdminTypes.AdditionalFeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'AdjustmentSale' }
              & Pick<AdminTypes.AdjustmentSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'DutySale' }
              & Pick<AdminTypes.DutySale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'FeeSale' }
              & Pick<AdminTypes.FeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'GiftCardSale' }
              & Pick<AdminTypes.GiftCardSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { lineItem: (
                Pick<AdminTypes.LineItem, 'id'>
                & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
              ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'ProductSale' }
              & Pick<AdminTypes.ProductSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { lineItem: (
                Pick<AdminTypes.LineItem, 'id'>
                & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
              ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'ShippingLineSale' }
              & Pick<AdminTypes.ShippingLineSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'TipSale' }
              & Pick<AdminTypes.TipSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'UnknownSale' }
              & Pick<AdminTypes.UnknownSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
        ) | (
          { __typename: 'ReturnAgreement' }
          & Pick<AdminTypes.ReturnAgreement, 'id' | 'happenedAt'>
          & { sales: { nodes: Array<(
              { __typename: 'AdditionalFeeSale' }
              & Pick<AdminTypes.AdditionalFeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'AdjustmentSale' }
              & Pick<AdminTypes.AdjustmentSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'DutySale' }
              & Pick<AdminTypes.DutySale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'FeeSale' }
              & Pick<AdminTypes.FeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'GiftCardSale' }
              & Pick<AdminTypes.GiftCardSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { lineItem: (
                Pick<AdminTypes.LineItem, 'id'>
                & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
              ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'ProductSale' }
              & Pick<AdminTypes.ProductSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { lineItem: (
                Pick<AdminTypes.LineItem, 'id'>
                & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
              ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'ShippingLineSale' }
              & Pick<AdminTypes.ShippingLineSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'TipSale' }
              & Pick<AdminTypes.TipSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'UnknownSale' }
              & Pick<AdminTypes.UnknownSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
        ) }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
  )> };

export type StorepulseAgreementSalesQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  agreementsAfter?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  salesAfter?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type StorepulseAgreementSalesQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id'>
    & { agreements: { nodes: Array<(
        Pick<AdminTypes.OrderAgreement, 'id'>
        & { sales: { nodes: Array<(
            { __typename: 'AdditionalFeeSale' }
            & Pick<AdminTypes.AdditionalFeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'AdjustmentSale' }
            & Pick<AdminTypes.AdjustmentSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'DutySale' }
            & Pick<AdminTypes.DutySale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'FeeSale' }
            & Pick<AdminTypes.FeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'GiftCardSale' }
            & Pick<AdminTypes.GiftCardSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { lineItem: (
              Pick<AdminTypes.LineItem, 'id'>
              & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
            ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'ProductSale' }
            & Pick<AdminTypes.ProductSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { lineItem: (
              Pick<AdminTypes.LineItem, 'id'>
              & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
            ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'ShippingLineSale' }
            & Pick<AdminTypes.ShippingLineSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'TipSale' }
            & Pick<AdminTypes.TipSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'UnknownSale' }
            & Pick<AdminTypes.UnknownSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
      ) | (
        Pick<AdminTypes.OrderEditAgreement, 'id'>
        & { sales: { nodes: Array<(
            { __typename: 'AdditionalFeeSale' }
            & Pick<AdminTypes.AdditionalFeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'AdjustmentSale' }
            & Pick<AdminTypes.AdjustmentSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'DutySale' }
            & Pick<AdminTypes.DutySale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'FeeSale' }
            & Pick<AdminTypes.FeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'GiftCardSale' }
            & Pick<AdminTypes.GiftCardSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { lineItem: (
              Pick<AdminTypes.LineItem, 'id'>
              & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
            ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'ProductSale' }
            & Pick<AdminTypes.ProductSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { lineItem: (
              Pick<AdminTypes.LineItem, 'id'>
              & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
            ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'ShippingLineSale' }
            & Pick<AdminTypes.ShippingLineSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'TipSale' }
            & Pick<AdminTypes.TipSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'UnknownSale' }
            & Pick<AdminTypes.UnknownSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
      ) | (
        Pick<AdminTypes.RefundAgreement, 'id'>
        & { sales: { nodes: Array<(
            { __typename: 'AdditionalFeeSale' }
            & Pick<AdminTypes.AdditionalFeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'AdjustmentSale' }
            & Pick<AdminTypes.AdjustmentSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'DutySale' }
            & Pick<AdminTypes.DutySale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'FeeSale' }
            & Pick<AdminTypes.FeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'GiftCardSale' }
            & Pick<AdminTypes.GiftCardSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { lineItem: (
              Pick<AdminTypes.LineItem, 'id'>
              & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
            ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'ProductSale' }
            & Pick<AdminTypes.ProductSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { lineItem: (
              Pick<AdminTypes.LineItem, 'id'>
              & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
            ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'ShippingLineSale' }
            & Pick<AdminTypes.ShippingLineSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'TipSale' }
            & Pick<AdminTypes.TipSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'UnknownSale' }
            & Pick<AdminTypes.UnknownSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
      ) | (
        Pick<AdminTypes.ReturnAgreement, 'id'>
        & { sales: { nodes: Array<(
            { __typename: 'AdditionalFeeSale' }
            & Pick<AdminTypes.AdditionalFeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'AdjustmentSale' }
            & Pick<AdminTypes.AdjustmentSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'DutySale' }
            & Pick<AdminTypes.DutySale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'FeeSale' }
            & Pick<AdminTypes.FeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'GiftCardSale' }
            & Pick<AdminTypes.GiftCardSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { lineItem: (
              Pick<AdminTypes.LineItem, 'id'>
              & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
            ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'ProductSale' }
            & Pick<AdminTypes.ProductSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { lineItem: (
              Pick<AdminTypes.LineItem, 'id'>
              & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
            ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'ShippingLineSale' }
            & Pick<AdminTypes.ShippingLineSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'TipSale' }
            & Pick<AdminTypes.TipSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          ) | (
            { __typename: 'UnknownSale' }
            & Pick<AdminTypes.UnknownSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
            & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
          )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
      )> } }
  )> };

export type StorepulseOrderLedgersQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type StorepulseOrderLedgersQuery = { nodes: Array<AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'updatedAt'>
    & { agreements: { edges: Array<(
        Pick<AdminTypes.SalesAgreementEdge, 'cursor'>
        & { node: (
          { __typename: 'OrderAgreement' }
          & Pick<AdminTypes.OrderAgreement, 'id' | 'happenedAt'>
          & { sales: { nodes: Array<(
              { __typename: 'AdditionalFeeSale' }
              & Pick<AdminTypes.AdditionalFeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'AdjustmentSale' }
              & Pick<AdminTypes.AdjustmentSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'DutySale' }
              & Pick<AdminTypes.DutySale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'FeeSale' }
              & Pick<AdminTypes.FeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'GiftCardSale' }
              & Pick<AdminTypes.GiftCardSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { lineItem: (
                Pick<AdminTypes.LineItem, 'id'>
                & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
              ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'ProductSale' }
              & Pick<AdminTypes.ProductSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { lineItem: (
                Pick<AdminTypes.LineItem, 'id'>
                & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
              ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'ShippingLineSale' }
              & Pick<AdminTypes.ShippingLineSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'TipSale' }
              & Pick<AdminTypes.TipSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'UnknownSale' }
              & Pick<AdminTypes.UnknownSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
        ) | (
          { __typename: 'OrderEditAgreement' }
          & Pick<AdminTypes.OrderEditAgreement, 'id' | 'happenedAt'>
          & { sales: { nodes: Array<(
              { __typename: 'AdditionalFeeSale' }
              & Pick<AdminTypes.AdditionalFeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'AdjustmentSale' }
              & Pick<AdminTypes.AdjustmentSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'DutySale' }
              & Pick<AdminTypes.DutySale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'FeeSale' }
              & Pick<AdminTypes.FeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'GiftCardSale' }
              & Pick<AdminTypes.GiftCardSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { lineItem: (
                Pick<AdminTypes.LineItem, 'id'>
                & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
              ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'ProductSale' }
              & Pick<AdminTypes.ProductSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { lineItem: (
                Pick<AdminTypes.LineItem, 'id'>
                & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
              ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'ShippingLineSale' }
              & Pick<AdminTypes.ShippingLineSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'TipSale' }
              & Pick<AdminTypes.TipSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'UnknownSale' }
              & Pick<AdminTypes.UnknownSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
        ) | (
          { __typename: 'RefundAgreement' }
          & Pick<AdminTypes.RefundAgreement, 'id' | 'happenedAt'>
          & { sales: { nodes: Array<(
              { __typename: 'AdditionalFeeSale' }
              & Pick<AdminTypes.AdditionalFeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'AdjustmentSale' }
              & Pick<AdminTypes.AdjustmentSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'DutySale' }
              & Pick<AdminTypes.DutySale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'FeeSale' }
              & Pick<AdminTypes.FeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'GiftCardSale' }
              & Pick<AdminTypes.GiftCardSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { lineItem: (
                Pick<AdminTypes.LineItem, 'id'>
                & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
              ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'ProductSale' }
              & Pick<AdminTypes.ProductSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { lineItem: (
                Pick<AdminTypes.LineItem, 'id'>
                & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
              ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'ShippingLineSale' }
              & Pick<AdminTypes.ShippingLineSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'TipSale' }
              & Pick<AdminTypes.TipSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'UnknownSale' }
              & Pick<AdminTypes.UnknownSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
        ) | (
          { __typename: 'ReturnAgreement' }
          & Pick<AdminTypes.ReturnAgreement, 'id' | 'happenedAt'>
          & { sales: { nodes: Array<(
              { __typename: 'AdditionalFeeSale' }
              & Pick<AdminTypes.AdditionalFeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'AdjustmentSale' }
              & Pick<AdminTypes.AdjustmentSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'DutySale' }
              & Pick<AdminTypes.DutySale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'FeeSale' }
              & Pick<AdminTypes.FeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'GiftCardSale' }
              & Pick<AdminTypes.GiftCardSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { lineItem: (
                Pick<AdminTypes.LineItem, 'id'>
                & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
              ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'ProductSale' }
              & Pick<AdminTypes.ProductSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { lineItem: (
                Pick<AdminTypes.LineItem, 'id'>
                & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
              ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'ShippingLineSale' }
              & Pick<AdminTypes.ShippingLineSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'TipSale' }
              & Pick<AdminTypes.TipSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            ) | (
              { __typename: 'UnknownSale' }
              & Pick<AdminTypes.UnknownSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
              & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
            )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
        ) }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
  )>> };

export type StorepulseBulkOrderLedgersQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type StorepulseBulkOrderLedgersQuery = { orders: { edges: Array<{ node: (
        Pick<AdminTypes.Order, 'id' | 'updatedAt'>
        & { agreements: { edges: Array<{ node: (
              { __typename: 'OrderAgreement' }
              & Pick<AdminTypes.OrderAgreement, 'id' | 'happenedAt'>
              & { sales: { edges: Array<{ node: (
                    { __typename: 'AdditionalFeeSale' }
                    & Pick<AdminTypes.AdditionalFeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'AdjustmentSale' }
                    & Pick<AdminTypes.AdjustmentSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'DutySale' }
                    & Pick<AdminTypes.DutySale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'FeeSale' }
                    & Pick<AdminTypes.FeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'GiftCardSale' }
                    & Pick<AdminTypes.GiftCardSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { lineItem: (
                      Pick<AdminTypes.LineItem, 'id'>
                      & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
                    ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'ProductSale' }
                    & Pick<AdminTypes.ProductSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { lineItem: (
                      Pick<AdminTypes.LineItem, 'id'>
                      & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
                    ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'ShippingLineSale' }
                    & Pick<AdminTypes.ShippingLineSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'TipSale' }
                    & Pick<AdminTypes.TipSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'UnknownSale' }
                    & Pick<AdminTypes.UnknownSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) }> } }
            ) | (
              { __typename: 'OrderEditAgreement' }
              & Pick<AdminTypes.OrderEditAgreement, 'id' | 'happenedAt'>
              & { sales: { edges: Array<{ node: (
                    { __typename: 'AdditionalFeeSale' }
                    & Pick<AdminTypes.AdditionalFeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'AdjustmentSale' }
                    & Pick<AdminTypes.AdjustmentSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'DutySale' }
                    & Pick<AdminTypes.DutySale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'FeeSale' }
                    & Pick<AdminTypes.FeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'GiftCardSale' }
                    & Pick<AdminTypes.GiftCardSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { lineItem: (
                      Pick<AdminTypes.LineItem, 'id'>
                      & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
                    ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'ProductSale' }
                    & Pick<AdminTypes.ProductSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { lineItem: (
                      Pick<AdminTypes.LineItem, 'id'>
                      & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
                    ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'ShippingLineSale' }
                    & Pick<AdminTypes.ShippingLineSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'TipSale' }
                    & Pick<AdminTypes.TipSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'UnknownSale' }
                    & Pick<AdminTypes.UnknownSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) }> } }
            ) | (
              { __typename: 'RefundAgreement' }
              & Pick<AdminTypes.RefundAgreement, 'id' | 'happenedAt'>
              & { sales: { edges: Array<{ node: (
                    { __typename: 'AdditionalFeeSale' }
                    & Pick<AdminTypes.AdditionalFeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'AdjustmentSale' }
                    & Pick<AdminTypes.AdjustmentSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'DutySale' }
                    & Pick<AdminTypes.DutySale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'FeeSale' }
                    & Pick<AdminTypes.FeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'GiftCardSale' }
                    & Pick<AdminTypes.GiftCardSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { lineItem: (
                      Pick<AdminTypes.LineItem, 'id'>
                      & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
                    ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'ProductSale' }
                    & Pick<AdminTypes.ProductSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { lineItem: (
                      Pick<AdminTypes.LineItem, 'id'>
                      & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
                    ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'ShippingLineSale' }
                    & Pick<AdminTypes.ShippingLineSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'TipSale' }
                    & Pick<AdminTypes.TipSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'UnknownSale' }
                    & Pick<AdminTypes.UnknownSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) }> } }
            ) | (
              { __typename: 'ReturnAgreement' }
              & Pick<AdminTypes.ReturnAgreement, 'id' | 'happenedAt'>
              & { sales: { edges: Array<{ node: (
                    { __typename: 'AdditionalFeeSale' }
                    & Pick<AdminTypes.AdditionalFeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'AdjustmentSale' }
                    & Pick<AdminTypes.AdjustmentSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'DutySale' }
                    & Pick<AdminTypes.DutySale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'FeeSale' }
                    & Pick<AdminTypes.FeeSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'GiftCardSale' }
                    & Pick<AdminTypes.GiftCardSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { lineItem: (
                      Pick<AdminTypes.LineItem, 'id'>
                      & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
                    ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'ProductSale' }
                    & Pick<AdminTypes.ProductSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { lineItem: (
                      Pick<AdminTypes.LineItem, 'id'>
                      & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
                    ), totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'ShippingLineSale' }
                    & Pick<AdminTypes.ShippingLineSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'TipSale' }
                    & Pick<AdminTypes.TipSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) | (
                    { __typename: 'UnknownSale' }
                    & Pick<AdminTypes.UnknownSale, 'id' | 'actionType' | 'lineType' | 'quantity'>
                    & { totalAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountBeforeTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalDiscountAmountAfterTaxes: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxAmount: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
                  ) }> } }
            ) }> } }
      ) }> } };

interface GeneratedQueryTypes {
  "#graphql\nquery StorepulseShop {\n  shop {\n    name\n    email\n    myshopifyDomain\n    currencyCode\n    ianaTimezone\n    plan { displayName publicDisplayName shopifyPlus partnerDevelopment }\n  }\n}": {return: StorepulseShopQuery, variables: StorepulseShopQueryVariables},
  "#graphql\nquery StorepulseBulkCustomers {\n  customers {\n    edges { node { ...CustomerFields } }\n  }\n}\n#graphql\nfragment CustomerFields on Customer {\n  id\n  firstName\n  lastName\n  email\n  phone\n  state\n  tags\n  numberOfOrders\n  amountSpent { amount currencyCode }\n  createdAt\n  updatedAt\n}": {return: StorepulseBulkCustomersQuery, variables: StorepulseBulkCustomersQueryVariables},
  "#graphql\nquery StorepulseBulkProducts {\n  products {\n    edges {\n      node {\n        id\n        ...ProductFields\n        variants { edges { node { ...VariantFields } } }\n      }\n    }\n  }\n}\n#graphql\nfragment ProductFields on Product {\n  id\n  title\n  handle\n  status\n  vendor\n  productType\n  createdAt\n  updatedAt\n}\n#graphql\nfragment VariantFields on ProductVariant {\n  id\n  title\n  sku\n  price\n}": {return: StorepulseBulkProductsQuery, variables: StorepulseBulkProductsQueryVariables},
  "#graphql\nquery StorepulseBulkOrders {\n  orders {\n    edges {\n      node {\n        id\n        ...OrderFields\n        lineItems { edges { node { ...LineItemFields } } }\n        refunds { ...RefundFields }\n        agreements {\n          edges {\n            node {\n              id\n              ...AgreementFields\n              sales { edges { node { ...SaleFields } } }\n            }\n          }\n        }\n      }\n    }\n  }\n}\n#graphql\nfragment OrderFields on Order {\n  id\n  name\n  email\n  customer { id }\n  createdAt\n  processedAt\n  updatedAt\n  cancelledAt\n  test\n  currencyCode\n  presentmentCurrencyCode\n  totalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }\n  subtotalPriceSet { shopMoney { amount currencyCode } }\n  totalDiscountsSet { shopMoney { amount currencyCode } }\n  totalTaxSet { shopMoney { amount currencyCode } }\n  totalShippingPriceSet { shopMoney { amount currencyCode } }\n  totalRefundedSet { shopMoney { amount currencyCode } }\n}\n#graphql\nfragment LineItemFields on LineItem {\n  id\n  title\n  sku\n  quantity\n  isGiftCard\n  originalUnitPriceSet { shopMoney { amount currencyCode } }\n  # Every allocation (line- and order-level): what the line is net of. totalDiscountSet\n  # would miss order-level discounts (2026-10 schema: \"This value doesn't include\n  # order-level discounts.\").\n  discountAllocations { allocatedAmountSet { shopMoney { amount currencyCode } } }\n  product { id }\n  variant { id }\n}\n#graphql\nfragment RefundFields on Refund {\n  id\n  createdAt\n  note\n}\n#graphql\nfragment AgreementFields on SalesAgreement {\n  __typename\n  id\n  happenedAt\n}\n#graphql\nfragment SaleFields on Sale {\n  __typename\n  id\n  actionType\n  lineType\n  quantity\n  totalAmount { shopMoney { amount currencyCode } }\n  totalDiscountAmountBeforeTaxes { shopMoney { amount currencyCode } }\n  totalDiscountAmountAfterTaxes { shopMoney { amount currencyCode } }\n  totalTaxAmount { shopMoney { amount currencyCode } }\n  ... on ProductSale { lineItem { id product { id } } }\n  ... on GiftCardSale { lineItem { id product { id } } }\n}": {return: StorepulseBulkOrdersQuery, variables: StorepulseBulkOrdersQueryVariables},
  "#graphql\nquery StorepulseBulkOperation($id: ID!) {\n  bulkOperation(id: $id) {\n    id\n    status\n    errorCode\n    createdAt\n    completedAt\n    objectCount\n    rootObjectCount\n    fileSize\n    url\n    partialDataUrl\n  }\n}": {return: StorepulseBulkOperationQuery, variables: StorepulseBulkOperationQueryVariables},
  "#graphql\nquery StorepulseCustomersPage($query: String!, $after: String) {\n  customers(first: 100, after: $after, query: $query, sortKey: UPDATED_AT) {\n    nodes { ...CustomerFields }\n    pageInfo { hasNextPage endCursor }\n  }\n}\n#graphql\nfragment CustomerFields on Customer {\n  id\n  firstName\n  lastName\n  email\n  phone\n  state\n  tags\n  numberOfOrders\n  amountSpent { amount currencyCode }\n  createdAt\n  updatedAt\n}": {return: StorepulseCustomersPageQuery, variables: StorepulseCustomersPageQueryVariables},
  "#graphql\nquery StorepulseProductsPage($query: String!, $after: String) {\n  products(first: 25, after: $after, query: $query, sortKey: UPDATED_AT) {\n    nodes {\n      ...ProductFields\n      variants(first: 25) {\n        nodes { ...VariantFields }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n    pageInfo { hasNextPage endCursor }\n  }\n}\n#graphql\nfragment ProductFields on Product {\n  id\n  title\n  handle\n  status\n  vendor\n  productType\n  createdAt\n  updatedAt\n}\n#graphql\nfragment VariantFields on ProductVariant {\n  id\n  title\n  sku\n  price\n}": {return: StorepulseProductsPageQuery, variables: StorepulseProductsPageQueryVariables},
  "#graphql\nquery StorepulseOrdersPage($query: String!, $after: String) {\n  orders(first: 5, after: $after, query: $query, sortKey: UPDATED_AT) {\n    nodes {\n      ...OrderFields\n      lineItems(first: 10) {\n        nodes { ...LineItemFields }\n        pageInfo { hasNextPage endCursor }\n      }\n      refunds(first: 2) {\n        ...RefundFields\n        refundLineItems(first: 5) {\n          nodes { ...RefundLineItemFields }\n          pageInfo { hasNextPage endCursor }\n        }\n        refundShippingLines(first: 1) {\n          nodes { ...RefundShippingLineFields }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n      ...OrderLedgerFirstPage\n    }\n    pageInfo { hasNextPage endCursor }\n  }\n}\n#graphql\nfragment OrderFields on Order {\n  id\n  name\n  email\n  customer { id }\n  createdAt\n  processedAt\n  updatedAt\n  cancelledAt\n  test\n  currencyCode\n  presentmentCurrencyCode\n  totalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }\n  subtotalPriceSet { shopMoney { amount currencyCode } }\n  totalDiscountsSet { shopMoney { amount currencyCode } }\n  totalTaxSet { shopMoney { amount currencyCode } }\n  totalShippingPriceSet { shopMoney { amount currencyCode } }\n  totalRefundedSet { shopMoney { amount currencyCode } }\n}\n#graphql\nfragment LineItemFields on LineItem {\n  id\n  title\n  sku\n  quantity\n  isGiftCard\n  originalUnitPriceSet { shopMoney { amount currencyCode } }\n  # Every allocation (line- and order-level): what the line is net of. totalDiscountSet\n  # would miss order-level discounts (2026-10 schema: \"This value doesn't include\n  # order-level discounts.\").\n  discountAllocations { allocatedAmountSet { shopMoney { amount currencyCode } } }\n  product { id }\n  variant { id }\n}\n#graphql\nfragment RefundFields on Refund {\n  id\n  createdAt\n  note\n}\n#graphql\nfragment RefundLineItemFields on RefundLineItem {\n  id\n  quantity\n  lineItem { id }\n  subtotalSet { shopMoney { amount currencyCode } }\n  totalTaxSet { shopMoney { amount currencyCode } }\n}\n#graphql\nfragment RefundShippingLineFields on RefundShippingLine {\n  id\n  subtotalAmountSet { shopMoney { amount currencyCode } }\n  taxAmountSet { shopMoney { amount currencyCode } }\n}\n#graphql\nfragment OrderLedgerFirstPage on Order {\n  agreements(first: 3) {\n    edges {\n      cursor\n      node {\n        ...AgreementFields\n        sales(first: 10) {\n          nodes { ...SaleFields }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n    pageInfo { hasNextPage endCursor }\n  }\n}\n#graphql\nfragment AgreementFields on SalesAgreement {\n  __typename\n  id\n  happenedAt\n}\n#graphql\nfragment SaleFields on Sale {\n  __typename\n  id\n  actionType\n  lineType\n  quantity\n  totalAmount { shopMoney { amount currencyCode } }\n  totalDiscountAmountBeforeTaxes { shopMoney { amount currencyCode } }\n  totalDiscountAmountAfterTaxes { shopMoney { amount currencyCode } }\n  totalTaxAmount { shopMoney { amount currencyCode } }\n  ... on ProductSale { lineItem { id product { id } } }\n  ... on GiftCardSale { lineItem { id product { id } } }\n}": {return: StorepulseOrdersPageQuery, variables: StorepulseOrdersPageQueryVariables},
  "#graphql\nquery StorepulseProductVariants($id: ID!, $after: String) {\n  product(id: $id) {\n    variants(first: 250, after: $after) {\n      nodes { ...VariantFields }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n}\n#graphql\nfragment VariantFields on ProductVariant {\n  id\n  title\n  sku\n  price\n}": {return: StorepulseProductVariantsQuery, variables: StorepulseProductVariantsQueryVariables},
  "#graphql\nquery StorepulseOrderLineItems($id: ID!, $after: String) {\n  order(id: $id) {\n    lineItems(first: 100, after: $after) {\n      nodes { ...LineItemFields }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n}\n#graphql\nfragment LineItemFields on LineItem {\n  id\n  title\n  sku\n  quantity\n  isGiftCard\n  originalUnitPriceSet { shopMoney { amount currencyCode } }\n  # Every allocation (line- and order-level): what the line is net of. totalDiscountSet\n  # would miss order-level discounts (2026-10 schema: \"This value doesn't include\n  # order-level discounts.\").\n  discountAllocations { allocatedAmountSet { shopMoney { amount currencyCode } } }\n  product { id }\n  variant { id }\n}": {return: StorepulseOrderLineItemsQuery, variables: StorepulseOrderLineItemsQueryVariables},
  "#graphql\nquery StorepulseOrderRefunds($id: ID!) {\n  order(id: $id) {\n    refunds(first: 6) {\n      ...RefundFields\n      refundLineItems(first: 20) {\n        nodes { ...RefundLineItemFields }\n        pageInfo { hasNextPage endCursor }\n      }\n      refundShippingLines(first: 3) {\n        nodes { ...RefundShippingLineFields }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n}\n#graphql\nfragment RefundFields on Refund {\n  id\n  createdAt\n  note\n}\n#graphql\nfragment RefundLineItemFields on RefundLineItem {\n  id\n  quantity\n  lineItem { id }\n  subtotalSet { shopMoney { amount currencyCode } }\n  totalTaxSet { shopMoney { amount currencyCode } }\n}\n#graphql\nfragment RefundShippingLineFields on RefundShippingLine {\n  id\n  subtotalAmountSet { shopMoney { amount currencyCode } }\n  taxAmountSet { shopMoney { amount currencyCode } }\n}": {return: StorepulseOrderRefundsQuery, variables: StorepulseOrderRefundsQueryVariables},
  "#graphql\nquery StorepulseOrderRefundDetails($ids: [ID!]!) {\n  nodes(ids: $ids) {\n    ... on Order {\n      id\n      refunds(first: 3) {\n        ...RefundFields\n        refundLineItems(first: 10) {\n          nodes { ...RefundLineItemFields }\n          pageInfo { hasNextPage endCursor }\n        }\n        refundShippingLines(first: 2) {\n          nodes { ...RefundShippingLineFields }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }\n}\n#graphql\nfragment RefundFields on Refund {\n  id\n  createdAt\n  note\n}\n#graphql\nfragment RefundLineItemFields on RefundLineItem {\n  id\n  quantity\n  lineItem { id }\n  subtotalSet { shopMoney { amount currencyCode } }\n  totalTaxSet { shopMoney { amount currencyCode } }\n}\n#graphql\nfragment RefundShippingLineFields on RefundShippingLine {\n  id\n  subtotalAmountSet { shopMoney { amount currencyCode } }\n  taxAmountSet { shopMoney { amount currencyCode } }\n}": {return: StorepulseOrderRefundDetailsQuery, variables: StorepulseOrderRefundDetailsQueryVariables},
  "#graphql\nquery StorepulseRefundLines($id: ID!, $linesAfter: String, $shippingAfter: String) {\n  node(id: $id) {\n    ... on Refund {\n      ...RefundFields\n      refundLineItems(first: 100, after: $linesAfter) {\n        nodes { ...RefundLineItemFields }\n        pageInfo { hasNextPage endCursor }\n      }\n      refundShippingLines(first: 10, after: $shippingAfter) {\n        nodes { ...RefundShippingLineFields }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n}\n#graphql\nfragment RefundFields on Refund {\n  id\n  createdAt\n  note\n}\n#graphql\nfragment RefundLineItemFields on RefundLineItem {\n  id\n  quantity\n  lineItem { id }\n  subtotalSet { shopMoney { amount currencyCode } }\n  totalTaxSet { shopMoney { amount currencyCode } }\n}\n#graphql\nfragment RefundShippingLineFields on RefundShippingLine {\n  id\n  subtotalAmountSet { shopMoney { amount currencyCode } }\n  taxAmountSet { shopMoney { amount currencyCode } }\n}": {return: StorepulseRefundLinesQuery, variables: StorepulseRefundLinesQueryVariables},
  "#graphql\nquery StorepulseOrderAgreements($id: ID!, $after: String) {\n  order(id: $id) {\n    id\n    agreements(first: 25, after: $after) {\n      edges {\n        cursor\n        node {\n          ...AgreementFields\n          sales(first: 25) {\n            nodes { ...SaleFields }\n            pageInfo { hasNextPage endCursor }\n          }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n}\n#graphql\nfragment AgreementFields on SalesAgreement {\n  __typename\n  id\n  happenedAt\n}\n#graphql\nfragment SaleFields on Sale {\n  __typename\n  id\n  actionType\n  lineType\n  quantity\n  totalAmount { shopMoney { amount currencyCode } }\n  totalDiscountAmountBeforeTaxes { shopMoney { amount currencyCode } }\n  totalDiscountAmountAfterTaxes { shopMoney { amount currencyCode } }\n  totalTaxAmount { shopMoney { amount currencyCode } }\n  ... on ProductSale { lineItem { id product { id } } }\n  ... on GiftCardSale { lineItem { id product { id } } }\n}": {return: StorepulseOrderAgreementsQuery, variables: StorepulseOrderAgreementsQueryVariables},
  "#graphql\nquery StorepulseAgreementSales($id: ID!, $agreementsAfter: String, $salesAfter: String) {\n  order(id: $id) {\n    id\n    agreements(first: 1, after: $agreementsAfter) {\n      nodes {\n        id\n        sales(first: 100, after: $salesAfter) {\n          nodes { ...SaleFields }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }\n}\n#graphql\nfragment SaleFields on Sale {\n  __typename\n  id\n  actionType\n  lineType\n  quantity\n  totalAmount { shopMoney { amount currencyCode } }\n  totalDiscountAmountBeforeTaxes { shopMoney { amount currencyCode } }\n  totalDiscountAmountAfterTaxes { shopMoney { amount currencyCode } }\n  totalTaxAmount { shopMoney { amount currencyCode } }\n  ... on ProductSale { lineItem { id product { id } } }\n  ... on GiftCardSale { lineItem { id product { id } } }\n}": {return: StorepulseAgreementSalesQuery, variables: StorepulseAgreementSalesQueryVariables},
  "#graphql\nquery StorepulseOrderLedgers($ids: [ID!]!) {\n  nodes(ids: $ids) {\n    ... on Order {\n      id\n      updatedAt\n      ...OrderLedgerFirstPage\n    }\n  }\n}\n#graphql\nfragment OrderLedgerFirstPage on Order {\n  agreements(first: 3) {\n    edges {\n      cursor\n      node {\n        ...AgreementFields\n        sales(first: 10) {\n          nodes { ...SaleFields }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n    pageInfo { hasNextPage endCursor }\n  }\n}\n#graphql\nfragment AgreementFields on SalesAgreement {\n  __typename\n  id\n  happenedAt\n}\n#graphql\nfragment SaleFields on Sale {\n  __typename\n  id\n  actionType\n  lineType\n  quantity\n  totalAmount { shopMoney { amount currencyCode } }\n  totalDiscountAmountBeforeTaxes { shopMoney { amount currencyCode } }\n  totalDiscountAmountAfterTaxes { shopMoney { amount currencyCode } }\n  totalTaxAmount { shopMoney { amount currencyCode } }\n  ... on ProductSale { lineItem { id product { id } } }\n  ... on GiftCardSale { lineItem { id product { id } } }\n}": {return: StorepulseOrderLedgersQuery, variables: StorepulseOrderLedgersQueryVariables},
  "#graphql\nquery StorepulseBulkOrderLedgers {\n  orders {\n    edges {\n      node {\n        id\n        updatedAt\n        agreements {\n          edges {\n            node {\n              id\n              ...AgreementFields\n              sales { edges { node { ...SaleFields } } }\n            }\n          }\n        }\n      }\n    }\n  }\n}\n#graphql\nfragment AgreementFields on SalesAgreement {\n  __typename\n  id\n  happenedAt\n}\n#graphql\nfragment SaleFields on Sale {\n  __typename\n  id\n  actionType\n  lineType\n  quantity\n  totalAmount { shopMoney { amount currencyCode } }\n  totalDiscountAmountBeforeTaxes { shopMoney { amount currencyCode } }\n  totalDiscountAmountAfterTaxes { shopMoney { amount currencyCode } }\n  totalTaxAmount { shopMoney { amount currencyCode } }\n  ... on ProductSale { lineItem { id product { id } } }\n  ... on GiftCardSale { lineItem { id product { id } } }\n}": {return: StorepulseBulkOrderLedgersQuery, variables: StorepulseBulkOrderLedgersQueryVariables},
}

interface GeneratedMutationTypes {
  "#graphql\nmutation StorepulseBulkRun($query: String!) {\n  bulkOperationRunQuery(query: $query) {\n    bulkOperation { id status createdAt }\n    userErrors { field message code }\n  }\n}": {return: StorepulseBulkRunMutation, variables: StorepulseBulkRunMutationVariables},
  "#graphql\nmutation StorepulseBulkCancel($id: ID!) {\n  bulkOperationCancel(id: $id) {\n    bulkOperation { id status }\n    userErrors { field message }\n  }\n}": {return: StorepulseBulkCancelMutation, variables: StorepulseBulkCancelMutationVariables},
}
declare module '@shopify/admin-api-client' {
  type InputMaybe<T> = AdminTypes.InputMaybe<T>;
  interface AdminQueries extends GeneratedQueryTypes {}
  interface AdminMutations extends GeneratedMutationTypes {}
}
