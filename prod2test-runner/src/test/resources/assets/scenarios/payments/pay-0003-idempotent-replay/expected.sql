-- one payment for the order, however often it was retried
SELECT count(*) = 1 FROM payments WHERE order_ref = 'ord_s0003';
