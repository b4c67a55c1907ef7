/**
 * How an outbox message travels: `fanout` is the message as its cause wrote it, which the delivery
 * loop splits into inbox rows and one `webhook` row per subscription and one `sms` row per recipient.
 */
export const DELIVERY_CHANNELS = ['fanout', 'webhook', 'sms'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
