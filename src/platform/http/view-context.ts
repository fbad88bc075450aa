import type { FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import type { Db } from '../db/database.ts'
import { getSetting, settingDefaults } from '../settings.ts'
import type { ViewContext } from '../views/context.ts'
import { isStaff } from './permissions.ts'

export type ViewContextFactory = (req: FastifyRequest) => Promise<ViewContext>

export function viewContextFactory(config: Config, db: Db): ViewContextFactory {
  return async (req) => {
    // The error pages must render even when the database is down.
    const society = await getSetting(db, 'society').catch(() => settingDefaults.society)
    return {
      currentPath: req.url.split('?')[0] ?? '/',
      csrfToken: req.csrfToken,
      society: { name: society.name, shortName: society.shortName },
      user: req.user ? { name: req.user.name, isStaff: isStaff(req.user.roles), permissions: [...req.user.permissions] } : null,
      offline: { mail: config.mail.mode === 'offline', payments: config.payments.mode === 'fake' },
    }
  }
}
