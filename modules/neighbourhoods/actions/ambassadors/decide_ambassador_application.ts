import { notifyResident } from '#modules/neighbourhoods/services/ambassadors/notify'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import AmbassadorApplication from '#modules/neighbourhoods/models/ambassador_application'
import { ambassadorHome } from '#modules/neighbourhoods/queries/ambassadors'
import {
  ApplicantMovedError,
  ApplicationDecidedError,
  ApplicationNotFoundError,
  OwnApplicationError,
} from '#modules/neighbourhoods/services/ambassadors/errors'
import { dashboardUrl } from '#modules/neighbourhoods/services/ambassadors/links'
import { reapplyDate } from '#modules/neighbourhoods/services/ambassadors/settings'

export type Decision = 'approved' | 'rejected'

/** `unchanged`: the same decision was already taken (a double click): nothing done. */
export type DecisionOutcome = 'decided' | 'unchanged'

/**
 * An operator approves or rejects a pending application. Approving grants
 * the `super_voisin` role in the application's neighbourhood in the same
 * transaction. The resident is told by mail, queued once it is committed.
 * A decided application is not decided again.
 */
export default class DecideAmbassadorApplication {
  async approve(applicationId: number, operatorId: number): Promise<DecisionOutcome> {
    return this.decide(applicationId, operatorId, 'approved', null)
  }

  async reject(applicationId: number, operatorId: number, note: string | null) {
    return this.decide(applicationId, operatorId, 'rejected', note || null)
  }

  private async decide(
    applicationId: number,
    operatorId: number,
    decision: Decision,
    note: string | null
  ): Promise<DecisionOutcome> {
    const result = await db.transaction(async (trx) => {
      const application = await AmbassadorApplication.query({ client: trx })
        .where('id', applicationId)
        .forUpdate()
        .first()
      if (!application) throw new ApplicationNotFoundError()
      if (application.status === decision) return { outcome: 'unchanged' as const, application }
      if (application.status !== 'pending') throw new ApplicationDecidedError(application.status)
      if (application.userId === operatorId) throw new OwnApplicationError()

      const home = await ambassadorHome(application.userId, { client: trx, lock: true })
      if (decision === 'approved' && home?.neighbourhoodId !== application.neighbourhoodId) {
        throw new ApplicantMovedError()
      }

      application.merge({
        status: decision,
        decisionNote: decision === 'rejected' ? note : null,
        decidedById: operatorId,
        decidedAt: DateTime.now(),
      })
      await application.save()
      if (decision === 'approved') await this.grantRole(trx, application, operatorId)
      return { outcome: 'decided' as const, application }
    })

    if (result.outcome === 'decided') await this.notify(result.application)
    return result.outcome
  }

  /** Idempotent: a role already held (granted by hand) stays as it was. */
  private async grantRole(
    trx: TransactionClientContract,
    application: AmbassadorApplication,
    operatorId: number
  ) {
    await trx.rawQuery(
      `INSERT INTO neighbourhood_roles (neighbourhood_id, user_id, role, granted_by_id, created_at)
       VALUES (?, ?, 'super_voisin', ?, now())
       ON CONFLICT (neighbourhood_id, user_id, role) DO NOTHING`,
      [application.neighbourhoodId, application.userId, operatorId]
    )
  }

  private notify(application: AmbassadorApplication) {
    return notifyResident(
      {
        userId: application.userId,
        neighbourhoodId: application.neighbourhoodId,
        logContext: { applicationId: application.id },
      },
      application.status === 'approved' ? 'application_approved' : 'application_rejected',
      {
        url: dashboardUrl(),
        note: application.decisionNote,
        reapplyOn: application.decidedAt
          ? reapplyDate(application.decidedAt.toJSDate())
          : undefined,
      }
    )
  }
}
