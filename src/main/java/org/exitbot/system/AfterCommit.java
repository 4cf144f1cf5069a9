package org.exitbot.system;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work once the current transaction has committed, in a transaction of its own: for cleaning Camunda's
 * history, which the engine writes only as the transaction that causes it commits.
 */
@Component
public class AfterCommit {

    private final TransactionTemplate newTransaction;

    AfterCommit(PlatformTransactionManager transactions) {
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void run(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            newTransaction.executeWithoutResult(status -> work.run());
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                newTransaction.executeWithoutResult(status -> work.run());
            }
        });
    }
}
