-- Each query must return one row with one boolean column that is true.

-- the refund is stored against the payment
SELECT count(*) = 1 FROM refunds WHERE payment_id = (SELECT id FROM payments WHERE order_ref = 'ord_s0001') AND amount_minor = 1000;

-- the payment's totals add up
SELECT captured_minor = 4980 AND refunded_minor = 1000 FROM payments WHERE order_ref = 'ord_s0001';

-- nothing from another scenario is left: base and history payments plus this one
SELECT count(*) = 3003 FROM payments;
