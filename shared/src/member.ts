import * as z from 'zod';

export const ZRole = z.enum(['employee', 'ambassador', 'steering']).meta({ id: 'Role' });
export type TRole = z.infer<typeof ZRole>;

export const ZTrainingLevel = z
  .enum(['beginner', 'confirmed', 'advanced'])
  .meta({ id: 'TrainingLevel' });
export type TTrainingLevel = z.infer<typeof ZTrainingLevel>;

/** A person of the directory (roster). The member count is the denominator of participation. */
export const ZMember = z.object({
  email: z
    .email()
    .max(254)
    .transform((email) => email.toLowerCase()),
  name: z.string().trim().min(1).max(120),
  team: z.string().trim().min(1).max(80),
  site: z.string().trim().min(1).max(80),
  trainingLevel: ZTrainingLevel,
  ambassador: z.boolean(),
  role: ZRole,
});
export type TMember = z.infer<typeof ZMember>;

/** Everyone is an employee; the ambassador flag and the role column add to that. */
export function rolesOf(member: Pick<TMember, 'ambassador' | 'role'>): TRole[] {
  const roles = new Set<TRole>(['employee', member.role]);
  if (member.ambassador) roles.add('ambassador');
  return ZRole.options.filter((role) => roles.has(role));
}

/** Who a token says someone is: the part every view of a signed-in person shares. */
const ZSignedIn = z.object({ email: z.string(), name: z.string(), roles: z.array(ZRole) });

export const ZDevMember = ZSignedIn.extend({ team: z.string() }).meta({ id: 'DevMember' });
export type TDevMember = z.infer<typeof ZDevMember>;

export const ZMe = ZSignedIn.extend({ member: ZMember.nullable() }).meta({ id: 'Me' });
export type TMe = z.infer<typeof ZMe>;
