import { getEnv } from "#app/env.server.ts";
import { prisma } from "#app/db.server.ts";
import { hasMessage, isLocale, translate, type MessageVars } from "#app/i18n/index.ts";
import { registerOutboxHandler } from "#app/modules/outbox/worker.server.ts";
import { sendMail } from "./mailer.server.ts";

export function publicUrl(pathname: string) {
  const base = getEnv().PUBLIC_URL ?? `http://localhost:${getEnv().PORT}`;
  return new URL(pathname, base).toString();
}

/** Sends the e-mail for one notification, in the recipient's language. Safe to run twice. */
export async function emailNotification(notificationId: number) {
  const notification = await prisma.notification.findUnique({
    where: { id: notificationId },
    select: {
      id: true,
      titleKey: true,
      vars: true,
      body: true,
      link: true,
      emailedAt: true,
      user: { select: { email: true, locale: true, status: true, displayName: true } },
    },
  });
  if (!notification || notification.emailedAt || notification.user.status !== "ACTIVE") return;
  const locale = isLocale(notification.user.locale) ? notification.user.locale : "zh";
  const vars = (notification.vars ?? {}) as MessageVars;
  const subject = hasMessage(notification.titleKey) ? translate(locale, notification.titleKey, vars) : notification.titleKey;
  const lines = [
    translate(locale, "mail.greeting", { name: notification.user.displayName }),
    "",
    subject,
    ...(notification.body ? ["", notification.body] : []),
    ...(notification.link ? ["", translate(locale, "mail.openLink"), publicUrl(notification.link)] : []),
    "",
    "—",
    translate(locale, "mail.footer"),
    publicUrl("/notifications"),
  ];
  await sendMail({ to: notification.user.email, subject: `【${translate(locale, "app.shortName")}】${subject}`, text: lines.join("\n") });
  await prisma.notification.update({ where: { id: notification.id }, data: { emailedAt: new Date() } });
}

export function registerEmailHandler() {
  registerOutboxHandler("email", async (row) => {
    const { notificationId } = row.payload as { notificationId?: number };
    if (typeof notificationId === "number") await emailNotification(notificationId);
  });
}
