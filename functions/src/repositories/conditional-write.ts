import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DomainError, type TErrorCode } from '@boucle/shared';

/**
 * Awaits a conditional write; when its condition fails, the caller gets the domain refusal that
 * condition stands for (someone changed the item first), not a storage exception.
 */
export async function refusedUnlessWritten<T>(
  write: Promise<T>,
  code: TErrorCode,
  message: string,
): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new DomainError(code, message);
    throw error;
  }
}
