import { DomainError } from '../errors/domain-error.js';
import type { PrismaService } from './prisma.service.js';

/** The id of an environment by name; ENVIRONMENT_NOT_FOUND (404) when there is none. */
export async function environmentIdOf(prisma: PrismaService, name: string): Promise<number> {
  const record = await prisma.environment.findUnique({ where: { name }, select: { id: true } });
  if (record === null) {
    throw new DomainError('ENVIRONMENT_NOT_FOUND', `environment "${name}" does not exist`);
  }
  return record.id;
}
