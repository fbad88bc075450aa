import type { AccountTables } from './features/accounts/tables.ts'
import type { ApplicationTables } from './features/applications/tables.ts'
import type { BillingTables } from './features/billing/tables.ts'
import type { DirectoryTables } from './features/directory/tables.ts'
import type { ContentTables } from './features/content/tables.ts'
import type { MembershipTables } from './features/membership/tables.ts'
import type { AuditTables } from './platform/audit/tables.ts'
import type { PlatformTables } from './platform/db/tables.ts'
import type { MailTables } from './platform/mail/tables.ts'

/** Every table Kysely knows, composed from the tables each feature owns. */
export interface Database extends PlatformTables, MailTables, AuditTables, AccountTables, ApplicationTables, BillingTables, ContentTables, DirectoryTables, MembershipTables {}
