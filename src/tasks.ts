import type { TaskList } from 'graphile-worker'
import type { Config } from './config.ts'
import { PASSWORD_RESET_TASK, passwordResetTask } from './features/accounts/password-reset.ts'
import { REFEREE_REMINDERS_TASK, refereeRemindersTask } from './features/applications/references.ts'
import { PAYPAL_RECONCILE_TASK, reconcileAttempts } from './features/billing/card-payments.ts'
import type { PayPalClient } from './features/billing/paypal/client.ts'
import { RENEWALS_TASK, renewalsTask } from './features/billing/renewals.ts'
import type { Db } from './platform/db/database.ts'
import { SEND_EMAIL_TASK } from './platform/mail/outbox.ts'
import { sendEmailTask } from './platform/mail/send-email-task.ts'
import { createMailTransport, type MailTransport } from './platform/mail/transport.ts'

/** Every background task the worker knows, wherever it runs (inside the web process or `npm run worker`). */
export function buildTaskList(db: Db, config: Config, options: { transport?: MailTransport; paypal?: PayPalClient } = {}): TaskList {
  const transport = options.transport ?? createMailTransport(config)
  const paypal = options.paypal
  return {
    [PAYPAL_RECONCILE_TASK]: async () => {
      if (paypal) await reconcileAttempts(db, config, paypal)
    },
    [SEND_EMAIL_TASK]: sendEmailTask(db, transport, config.mail.from),
    [PASSWORD_RESET_TASK]: passwordResetTask(db, config),
    [REFEREE_REMINDERS_TASK]: refereeRemindersTask(db, config),
    [RENEWALS_TASK]: renewalsTask(db, config),
  }
}

/** Recurring jobs (graphile-worker crontab syntax); later features add reminders here. */
export const crontab = `# Every day at 09:15 (server time): a reminder to referees who have not answered in a week
15 9 * * * ${REFEREE_REMINDERS_TASK}
# Every day at 06:00: renewal invoices 30 days before the end, reminders at 30, 14 and 1 days and 7 days after
0 6 * * * ${RENEWALS_TASK}
# Every 15 minutes: settle PayPal orders whose webhook or return never came, expire abandoned ones
*/15 * * * * ${PAYPAL_RECONCILE_TASK}
`
