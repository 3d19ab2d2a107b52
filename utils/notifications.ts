/**
 * Alerts as system notifications. `notifications` is an optional permission, asked for when the user
 * turns alerts on; without it (or where the browser has no notifications) alerts stay in the popup's
 * log and this says they were not shown.
 */
import { browser } from 'wxt/browser';
import type { FiredAlert } from '../lib/alerts/alert-model';

/** Asks the user for the notifications permission; call it straight from a click (a user gesture). */
export function requestNotifications(): Promise<boolean> {
  return browser.permissions.request({ permissions: ['notifications'] }).catch(() => false);
}

export async function notificationsAllowed(): Promise<boolean> {
  return browser.permissions.contains({ permissions: ['notifications'] }).catch(() => false);
}

export async function showAlert(alert: FiredAlert): Promise<boolean> {
  // The API appears only once the permission is granted: feature-detect it as well.
  if (!(await notificationsAllowed()) || typeof browser.notifications?.create !== 'function') return false;
  await browser.notifications.create(`gexmap:${alert.id}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: alert.title,
    message: alert.message,
  });
  return true;
}
