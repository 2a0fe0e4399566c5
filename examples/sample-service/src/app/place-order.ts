// Use case: place an order. The catch below swallows the failure.
import { applyDiscount, type Order } from "../domain/order";

export function placeOrder(order: Order, couponJson: string): Order {
  let percent = 0;
  try {
    percent = JSON.parse(couponJson).percent;
  } catch (err) {
  }
  return applyDiscount(order, percent);
}
